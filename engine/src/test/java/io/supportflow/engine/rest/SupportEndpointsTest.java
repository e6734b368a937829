package io.supportflow.engine.rest;

import io.supportflow.engine.rest.RestFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §1's seven operations over HTTP; every answer is checked against the contract by the fixture. */
class SupportEndpointsTest {
    private static final String SUPPORT = """
            {"descriptor":{"name":"Parcel late"},"callback_phone":"+91 98765 43210",
             "chat":{"url":"https://chat.example.org/o-1","session_id":"s-1"}}""";
    private static final String AGENT = "{\"id\":\"agent-7\",\"person\":{\"name\":\"Asha\"},\"rating\":\"4.5\"}";

    private final RestFixture rest = RestFixture.start();

    @AfterEach
    void close() {
        rest.close();
    }

    @Test
    void postOpensASessionWith201AndTheStateAndVersionExtensions() {
        Answer opened = rest.send("POST", "/support/o-1", SUPPORT);

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.text("order_id")).isEqualTo("o-1");
        assertThat(opened.text("callback_phone")).isEqualTo("+91 98765 43210");
        assertThat(opened.text("state")).isEqualTo("OPEN");
        assertThat(opened.json().path("version").asLong()).isEqualTo(1);
        assertThat(opened.header("ETag")).isEqualTo("\"1\"");
        assertThat(opened.header("Location")).isEqualTo("/support/o-1");
    }

    @Test
    void postWithoutABodyOpensAnEmptySession() {
        Answer opened = rest.send("POST", "/support/o-1", null);

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().toString()).isEqualTo("{\"order_id\":\"o-1\",\"state\":\"OPEN\",\"version\":1}");
    }

    @Test
    void postWithAnAgentOpensAssigned() {
        Answer opened = rest.send("POST", "/support/o-1", "{\"agent\":" + AGENT + "}");

        assertThat(opened.text("state")).isEqualTo("ASSIGNED");
        assertThat(opened.json().path("agent").path("id").asText()).isEqualTo("agent-7");
    }

    @Test
    void postOnAnOpenSessionIsAConflict() {
        rest.send("POST", "/support/o-1", SUPPORT);

        Answer again = rest.send("POST", "/support/o-1", SUPPORT);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("SESSION_ALREADY_OPEN");
    }

    @Test
    void postOnAClosedSessionReopensIt() {
        rest.send("POST", "/support/o-1", "{\"agent\":" + AGENT + "}");
        rest.send("DELETE", "/support/o-1", null);

        Answer reopened = rest.send("POST", "/support/o-1", SUPPORT);

        assertThat(reopened.status()).isEqualTo(201);
        assertThat(reopened.text("state")).isEqualTo("OPEN");
        assertThat(reopened.json().has("agent")).isFalse();
        assertThat(reopened.json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void getAnswersTheSessionOr404() {
        rest.send("POST", "/support/o-1", SUPPORT);

        Answer found = rest.get("/support/o-1");
        Answer missing = rest.get("/support/o-2");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("state")).isEqualTo("OPEN");
        assertThat(found.header("ETag")).isEqualTo("\"1\"");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("SUPPORT_NOT_FOUND");
    }

    @Test
    void putReplacesTheDetailsAndKeepsTheState() {
        rest.send("POST", "/support/o-1", "{\"agent\":" + AGENT + "}");

        Answer updated = rest.send("PUT", "/support/o-1",
                "{\"faq\":{\"url\":\"https://example.org/faq\",\"mime_type\":\"text/html\"}}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("state")).isEqualTo("ASSIGNED");
        assertThat(updated.json().path("faq").path("mime_type").asText()).isEqualTo("text/html");
        assertThat(updated.json().has("callback_phone")).isFalse();
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void putWithAnotherAgentPointsToTheAgentEndpoint() {
        rest.send("POST", "/support/o-1", "{\"agent\":" + AGENT + "}");

        Answer refused = rest.send("PUT", "/support/o-1", "{\"agent\":{\"id\":\"agent-8\"}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("AGENT_CHANGE_NOT_ALLOWED");
        assertThat(refused.text("message")).contains("/agent");
    }

    @Test
    void putOnAClosedSessionIsAConflict() {
        rest.send("POST", "/support/o-1", SUPPORT);
        rest.send("DELETE", "/support/o-1", null);

        Answer refused = rest.send("PUT", "/support/o-1", SUPPORT);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("SESSION_CLOSED");
    }

    @Test
    void deleteClosesAndClosingAgainIsANoOpWith200() {
        rest.send("POST", "/support/o-1", "{\"agent\":" + AGENT + "}");

        Answer closed = rest.send("DELETE", "/support/o-1", null);
        Answer again = rest.send("DELETE", "/support/o-1", null);

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("state")).isEqualTo("CLOSED");
        assertThat(closed.json().has("agent")).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(closed.json());
        assertThat(again.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void getAgentAnswersTheAgentOrOneOfTwoDistinct404s() {
        Answer noSession = rest.get("/support/o-1/agent");
        rest.send("POST", "/support/o-1", SUPPORT);
        Answer noAgent = rest.get("/support/o-1/agent");
        rest.send("PUT", "/support/o-1/agent", AGENT);
        Answer agent = rest.get("/support/o-1/agent");

        assertThat(noSession.status()).isEqualTo(404);
        assertThat(noSession.text("code")).isEqualTo("SUPPORT_NOT_FOUND");
        assertThat(noAgent.status()).isEqualTo(404);
        assertThat(noAgent.text("code")).isEqualTo("AGENT_NOT_FOUND");
        assertThat(agent.status()).isEqualTo(200);
        assertThat(agent.json().toString())
                .isEqualTo("{\"id\":\"agent-7\",\"person\":{\"name\":\"Asha\"},\"rating\":\"4.5\"}");
        assertThat(agent.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void putAgentTakesABareAgentOrASupportCarryingOne() {
        rest.send("POST", "/support/o-1", SUPPORT);
        rest.send("POST", "/support/o-2", SUPPORT);

        Answer bare = rest.send("PUT", "/support/o-1/agent", AGENT);
        Answer wrapped = rest.send("PUT", "/support/o-2/agent", "{\"order_id\":\"o-2\",\"agent\":" + AGENT + "}");

        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.text("state")).isEqualTo("ASSIGNED");
        assertThat(wrapped.status()).isEqualTo(200);
        assertThat(wrapped.json().path("agent")).isEqualTo(bare.json().path("agent"));
    }

    @Test
    void putAgentWithTheSameIdUpdatesTheDetailsAndAnotherIdReassigns() {
        rest.send("POST", "/support/o-1", SUPPORT);
        rest.send("PUT", "/support/o-1/agent", AGENT);

        Answer sameId = rest.send("PUT", "/support/o-1/agent", "{\"id\":\"agent-7\",\"rating\":\"5\"}");
        Answer otherId = rest.send("PUT", "/support/o-1/agent", "{\"id\":\"agent-8\"}");

        assertThat(sameId.json().path("agent").path("rating").asText()).isEqualTo("5");
        assertThat(sameId.json().path("version").asLong()).isEqualTo(3);
        assertThat(otherId.json().path("agent").path("id").asText()).isEqualTo("agent-8");
        assertThat(otherId.text("state")).isEqualTo("ASSIGNED");
    }

    @Test
    void putAgentOnAClosedSessionIsAConflict() {
        rest.send("POST", "/support/o-1", SUPPORT);
        rest.send("DELETE", "/support/o-1", null);

        Answer refused = rest.send("PUT", "/support/o-1/agent", AGENT);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("SESSION_CLOSED");
    }

    @Test
    void deleteAgentReturnsToOpenAndWithoutAnAgentIsANoOp() {
        rest.send("POST", "/support/o-1", "{\"agent\":" + AGENT + "}");

        Answer removed = rest.send("DELETE", "/support/o-1/agent", null);
        Answer again = rest.send("DELETE", "/support/o-1/agent", null);

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.text("state")).isEqualTo("OPEN");
        assertThat(removed.json().has("agent")).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(removed.json());
    }

    @Test
    void ifMatchWithTheCurrentVersionIsAccepted() {
        rest.send("POST", "/support/o-1", SUPPORT);

        Answer updated = rest.send("PUT", "/support/o-1", SUPPORT, "If-Match", "\"1\"");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void ifMatchWithAStaleVersionIsRefusedWith412AndChangesNothing() {
        rest.send("POST", "/support/o-1", SUPPORT);
        rest.send("PUT", "/support/o-1", SUPPORT);
        var before = rest.snapshot("o-1");

        Answer put = rest.send("PUT", "/support/o-1", "{}", "If-Match", "\"1\"");
        Answer delete = rest.send("DELETE", "/support/o-1", null, "If-Match", "\"1\"");
        Answer assign = rest.send("PUT", "/support/o-1/agent", AGENT, "If-Match", "\"1\"");
        Answer unassign = rest.send("DELETE", "/support/o-1/agent", null, "If-Match", "\"1\"");

        for (Answer stale : java.util.List.of(put, delete, assign, unassign)) {
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.text("code")).isEqualTo("VERSION_MISMATCH");
        }
        assertThat(rest.snapshot("o-1")).isEqualTo(before);
    }

    @Test
    void aMalformedIfMatchIsBadInputNamingTheHeader() {
        rest.send("POST", "/support/o-1", SUPPORT);

        Answer refused = rest.send("DELETE", "/support/o-1", null, "If-Match", "version 1");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("paths")).isEqualTo("If-Match");
        assertThat(rest.get("/support/o-1").text("state")).isEqualTo("OPEN");
    }

    @Test
    void theActorHeaderIsCheckedAndRecorded() {
        rest.send("POST", "/support/o-1", SUPPORT, "X-Actor", "supervisor");

        Answer bad = rest.send("DELETE", "/support/o-1", null, "X-Actor", "system");
        Answer history = rest.get("/support/o-1/history");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("paths")).isEqualTo("X-Actor");
        assertThat(history.json().get(0).path("actor").asText()).isEqualTo("SUPERVISOR");
    }
}
