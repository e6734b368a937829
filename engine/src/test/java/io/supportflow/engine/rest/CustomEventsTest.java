package io.supportflow.engine.rest;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.SupportException;
import io.supportflow.engine.rest.RestFixture.Answer;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.rules.RulesFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code POST /support/{orderId}/events/{event}}: a custom lifecycle's events over REST, refused as in Java. */
class CustomEventsTest {
    static final Lifecycle SUPPORT_PLUS = RulesFile.parse(resource("/support-plus.rules"));
    private static final String ASSIGNED = "{\"agent\":{\"id\":\"a-1\",\"rating\":\"4.5\"}}";

    private final RestFixture rest = RestFixture.start(SUPPORT_PLUS, null);

    @AfterEach
    void close() {
        rest.close();
    }

    private static String resource(String name) {
        try (InputStream in = CustomEventsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCustomEventWithoutABodyMovesTheSession() {
        rest.send("POST", "/support/o-1", "{}");

        Answer answer = rest.send("POST", "/support/o-1/events/wait", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("state")).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(answer.header("ETag")).isEqualTo("\"2\"");
        assertThat(rest.get("/support/o-1/history").json().get(1).path("event").asText()).isEqualTo("wait");
    }

    @Test
    void aCustomEventCarriesTheAgentOfItsBodyAndTheActorOfXActor() {
        rest.send("POST", "/support/o-1", ASSIGNED);

        Answer answer = rest.send("POST", "/support/o-1/events/escalate", "{\"id\":\"a-2\",\"rating\":\"5\"}",
                "X-Actor", "agent");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("state")).isEqualTo("ESCALATED");
        assertThat(answer.json().path("agent").path("id").asText()).isEqualTo("a-2");
        assertThat(rest.engine.history("o-1").get(1).actor()).isEqualTo(Actor.AGENT);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412() {
        rest.send("POST", "/support/o-1", "{}");

        Answer answer = rest.send("POST", "/support/o-1/events/wait", null, "If-Match", "\"7\"");

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.text("code")).isEqualTo("VERSION_MISMATCH");
        assertThat(rest.engine.get("o-1").version()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1} by {2} on a session opened with {0}")
    @CsvSource(delimiter = '|', textBlock = """
            none      | wait       | customer   |
            {}        | bogus      | customer   |
            {}        | escalate   | supervisor | a-2
            ASSIGNED  | escalate   | customer   | a-2
            ASSIGNED  | escalate   | supervisor |
            ASSIGNED  | escalate   | supervisor | a-1
            ASSIGNED  | withdraw   | customer   |
            {}        | withdraw   | agent      |
            """)
    void aRefusedEventHasTheCodeAndStatusOfTheJavaApi(String opened, String event, String actor, String agent) {
        String body = opened.equals("ASSIGNED") ? ASSIGNED : opened;
        if (!opened.equals("none")) {
            rest.send("POST", "/support/o-1", body);
        }
        String eventBody = agent == null ? null : "{\"id\":\"" + agent + "\",\"rating\":\"5\"}";

        Answer answer = rest.send("POST", "/support/o-1/events/" + event, eventBody, "X-Actor", actor);

        SupportException java = javaRefusal(opened.equals("none") ? null : body, event, actor, agent);
        assertThat(answer.status()).isEqualTo(java.httpStatus());
        assertThat(answer.text("code")).isEqualTo(java.code().name());
        assertThat(answer.text("message")).isEqualTo(java.getMessage());
    }

    /** The refusal of the same event on an equal session, through the Java API. */
    private static SupportException javaRefusal(String openedWith, String event, String actor, String agent) {
        try (SupportEngine engine = SupportEngine.builder().lifecycle(SUPPORT_PLUS).store(Stores.inMemory())
                .manualScheduling().build()) {
            if (openedWith != null) {
                Agent first = openedWith.equals(ASSIGNED) ? new Agent("a-1", null, null, null, "4.5") : null;
                engine.open("o-1", new Support(null, null, null, null, null, first), Actor.CUSTOMER);
            }
            Agent carried = agent == null ? null : new Agent(agent, null, null, null, "5");
            return catchThrowableOfType(SupportException.class, () -> engine.fire("o-1", event, carried,
                    Actor.valueOf(actor.toUpperCase(Locale.ROOT))));
        }
    }

    @Test
    void anEventNameOutsideItsCharacterSetIsRefusedNamingTheEvent() {
        rest.send("POST", "/support/o-1", "{}");

        Answer answer = rest.send("POST", "/support/o-1/events/1%20x", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("paths")).isEqualTo("event");
        assertThat(rest.send("GET", "/support/o-1/events/wait", null).status()).isEqualTo(405);
    }
}
