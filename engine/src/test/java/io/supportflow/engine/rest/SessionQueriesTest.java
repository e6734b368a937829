package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.supportflow.engine.rest.RestFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What support staff read: the session list by state and agent, an order's history, and the health check. */
class SessionQueriesTest {
    private final RestFixture rest = RestFixture.start();

    @AfterEach
    void close() {
        rest.close();
    }

    private static List<String> orderIds(Answer list) {
        List<String> ids = new ArrayList<>();
        list.json().forEach(session -> ids.add(session.path("order_id").asText()));
        return ids;
    }

    @Test
    void sessionsAreListedByStateByAgentByBothOrAll() {
        rest.send("POST", "/support/o-1", "{\"agent\":{\"id\":\"agent-7\"}}");
        rest.send("POST", "/support/o-2", "{}");
        rest.send("POST", "/support/o-3", "{\"agent\":{\"id\":\"agent-8\"}}");
        rest.send("POST", "/support/o-4", "{\"agent\":{\"id\":\"agent-7\"}}");
        rest.send("DELETE", "/support/o-4", null);

        assertThat(orderIds(rest.get("/support?state=ASSIGNED"))).containsExactly("o-1", "o-3");
        assertThat(orderIds(rest.get("/support?state=CLOSED"))).containsExactly("o-4");
        assertThat(orderIds(rest.get("/support?agent=agent-7"))).containsExactly("o-1");
        assertThat(orderIds(rest.get("/support?state=ASSIGNED&agent=agent-8"))).containsExactly("o-3");
        assertThat(orderIds(rest.get("/support?state=OPEN&agent=agent-8"))).isEmpty();
        assertThat(orderIds(rest.get("/support"))).containsExactly("o-1", "o-2", "o-3", "o-4");
        assertThat(rest.get("/support?state=ASSIGNED").json().get(0).path("state").asText()).isEqualTo("ASSIGNED");
    }

    @Test
    void theHistoryHasOneEntryPerAcceptedCommand() {
        rest.send("POST", "/support/o-1", "{}");
        rest.send("PUT", "/support/o-1/agent", "{\"id\":\"agent-7\"}", "X-Actor", "supervisor");
        rest.send("DELETE", "/support/o-1", null);
        rest.send("DELETE", "/support/o-1", null);

        JsonNode history = rest.get("/support/o-1/history").json();

        assertThat(history).hasSize(3);
        assertThat(history.get(0).toString()).matches("\\{\"version\":1,\"event\":\"open\",\"from\":\"NONE\","
                + "\"to\":\"OPEN\",\"at\":\"[0-9T:.Z-]+\",\"actor\":\"CUSTOMER\"}");
        assertThat(history.get(1).path("event").asText()).isEqualTo("assign");
        assertThat(history.get(1).path("agent_id").asText()).isEqualTo("agent-7");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("SUPERVISOR");
        assertThat(history.get(2).path("to").asText()).isEqualTo("CLOSED");
    }

    @Test
    void theHistoryOfAnUnknownOrderIs404() {
        Answer answer = rest.get("/support/o-9/history");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("code")).isEqualTo("SUPPORT_NOT_FOUND");
    }

    @Test
    void healthSaysUpAndNamesTheLifecycle() {
        assertThat(rest.get("/health").json().toString()).isEqualTo("{\"status\":\"UP\",\"lifecycle\":\"standard\"}");
    }
}
