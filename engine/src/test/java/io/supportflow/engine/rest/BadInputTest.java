package io.supportflow.engine.rest;

import io.supportflow.engine.rest.RestFixture.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never hurts: a 4xx with a GovStack Error naming the field, never a 5xx (the fixture checks that and the
 * contract), and the stored session stays exactly as it was.
 */
class BadInputTest {
    private static final String ORDER = "o-1";
    private static final String PATH = "/support/" + ORDER;

    private final RestFixture rest = RestFixture.start();
    private List<String> before;

    @BeforeEach
    void openAnAssignedSession() {
        rest.send("POST", PATH, "{\"callback_phone\":\"+91 98765 43210\",\"agent\":{\"id\":\"agent-7\"}}");
        before = rest.snapshot(ORDER);
    }

    @AfterEach
    void close() {
        rest.close();
    }

    private void assertRefused(Answer answer, int status, String code, String paths) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.text("code")).isEqualTo(code);
        assertThat(answer.text("paths")).isEqualTo(paths);
        assertThat(rest.snapshot(ORDER)).as("the stored session is unchanged").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PUT    | /support/o-1       | {"callback_phone":                        | body
            PUT    | /support/o-1       | [1,2,3]                                   | body
            PUT    | /support/o-1       | {"faq":{}} trailing                       | body
            PUT    | /support/o-1       | {"order_id":"o-1","order_id":"o-1"}       | body
            PUT    | /support/o-1       | {"callback_phone":12345}                  | callback_phone
            PUT    | /support/o-1       | {"chat":"https://chat.example.org"}       | chat
            PUT    | /support/o-1       | {"descriptor":{"images":{"url":"x"}}}     | descriptor.images
            PUT    | /support/o-1       | {"callback_phone":"call me maybe"}        | callback_phone
            PUT    | /support/o-1       | {"chat":{"url":"not a url"}}              | chat.url
            PUT    | /support/o-1       | {"faq":{"url":"ftp://example.org/faq"}}   | faq.url
            PUT    | /support/o-1       | {"descriptor":{"images":[{"url":"https://example.org/i.png","size_type":"huge"}]}} | descriptor.images[0].size_type
            PUT    | /support/o-1       | {"order_id":"o-2"}                        | order_id
            POST   | /support/o-1       | {"agent":{"id":"agent-7","rating":"excellent"}} | agent.rating
            PUT    | /support/o-1/agent | {"id":"agent-8","rating":"gt 3 &&"}       | agent.rating
            PUT    | /support/o-1/agent | {"id":"agent-8","contact":{"phone":"x"}}  | agent.contact.phone
            PUT    | /support/o-1/agent | {"id":["agent-8"]}                        | agent.id
            PUT    | /support/o-1/agent | {"agent":{"id":"agent-8","person":{"url":"relative/path"}}} | agent.person.url
            PUT    | /support/o-1/agent | {"id":""}                                 | agent.id
            """)
    void invalidBodiesAreRefusedNamingTheFieldAndChangeNothing(String method, String path, String body,
                                                               String field) {
        assertRefused(rest.send(method, path, body), 400, "INVALID_INPUT", field);
    }

    @ParameterizedTest(name = "PUT /agent with {0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"person":{"name":"Asha"}}
            {"agent":{"person":{"name":"Asha"}}}
            {}
            """)
    void anAssignmentWithoutAgentIdIsRefused(String body) {
        assertRefused(rest.send("PUT", PATH + "/agent", body), 400, "AGENT_ID_REQUIRED", "agent.id");
    }

    @Test
    void anAssignmentWithoutABodyIsRefused() {
        assertRefused(rest.send("PUT", PATH + "/agent", null), 400, "AGENT_ID_REQUIRED", "agent.id");
    }

    @Test
    void aDeeplyNestedBodyIsRefused() {
        String deep = "{\"descriptor\":".repeat(2000) + "{}" + "}".repeat(2000);

        assertRefused(rest.send("PUT", PATH, deep), 400, "INVALID_INPUT", "body");
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsRefusedWith413() {
        String big = "{\"descriptor\":{\"long_desc\":\"" + "x".repeat(RestOptions.BODY_LIMIT) + "\"}}";

        assertRefused(rest.send("PUT", PATH, big), 413, "BODY_TOO_LARGE", "body");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsRefusedWith415() {
        Answer answer = rest.send("PUT", PATH, "{}", "Content-Type", "text/plain");

        assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type");
    }

    @ParameterizedTest(name = "order id {0}")
    @CsvSource(textBlock = """
            o%201
            o$1
            o%2F1
            ü-1
            """)
    void anOrderIdOutsideTheCharacterSetIsRefused(String orderId) {
        Answer answer = rest.exchangeRaw(HttpRequest.newBuilder(URI.create(rest.server.uri() + "/support/"
                + (orderId.equals("ü-1") ? "%C3%BC-1" : orderId))).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertRefused(answer, 400, "INVALID_INPUT", "orderId");
        assertThat(rest.get("/support").json()).hasSize(1);
    }

    @Test
    void anOrderIdOver128CharactersIsRefused() {
        String longId = "o".repeat(129);

        Answer answer = rest.send("POST", "/support/" + longId, "{}");

        assertRefused(answer, 400, "INVALID_INPUT", "orderId");
        assertThat(rest.get("/support").json()).hasSize(1);
        assertThat(rest.send("POST", "/support/" + "o".repeat(128), "{}").status()).isEqualTo(201);
    }

    @Test
    void anEmptyOrderIdIsRefused() {
        assertRefused(rest.send("DELETE", "/support/", null), 400, "INVALID_INPUT", "orderId");
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405WithAllow() {
        Answer unknown = rest.get("/supports/o-1");
        Answer wrongMethod = rest.send("POST", PATH + "/history", "{}");

        assertRefused(unknown, 404, "ROUTE_NOT_FOUND", null);
        assertRefused(wrongMethod, 405, "METHOD_NOT_ALLOWED", null);
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void listingWithAnUnknownStateOrParameterIsRefused() {
        assertRefused(rest.get("/support?state=LOST"), 400, "INVALID_INPUT", "state");
        assertRefused(rest.get("/support?status=OPEN"), 400, "INVALID_INPUT", "status");
        assertRefused(rest.get("/support?agent="), 400, "INVALID_INPUT", "agent");
    }
}
