package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.model.AgentProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /openapi.yaml}: the served document holds the GovStack 8.12 paths and schemas unchanged, names exactly
 * the routes the binding has, and documents every live answer (every answer of every REST test goes through
 * {@link RestFixture}, which validates it against the document; the walk here covers every documented operation).
 */
class ServedContractTest {
    private static final Set<String> NOT_JSON = Set.of("/openapi.yaml", "/metrics");
    private static final String OPEN = "{\"descriptor\":{\"name\":\"help\"},\"callback_phone\":\"+49 30 1234567\"}";

    @Test
    void theServedDocumentIsTheResourceAsBuilt() throws Exception {
        try (RestFixture rest = RestFixture.start()) {
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(rest.server.uri() + "/openapi.yaml")).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue(ServedContract.MEDIA_TYPE);
            assertThat(answer.body()).isEqualTo(Files.readAllBytes(ServedDocument.FILE));
            assertThat(ServedDocument.ROOT.path("openapi").asText()).isEqualTo("3.0.0");
        }
    }

    @Test
    void itKeepsEveryGovStackPathAndSchemaOfTheSubsetUnchanged() {
        JsonNode subset = ServedDocument.read(GovStackContract.file(GovStackContract.SUBSET));
        subset.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                assertContains(ServedDocument.ROOT.path("paths").path(path.getKey()).path(op.getKey()),
                        op.getValue(), path.getKey() + " " + op.getKey())));
        subset.path("components").path("schemas").fields().forEachRemaining(schema ->
                assertThat(ServedDocument.ROOT.path("components").path("schemas").path(schema.getKey()))
                        .as("schema %s as the GovStack subset has it", schema.getKey()).isEqualTo(schema.getValue()));
        JsonNode full = ServedDocument.read(GovStackContract.file(GovStackContract.FULL));
        assertThat(ServedDocument.ROOT.path("components").path("schemas").path("Error"))
                .isEqualTo(full.path("components").path("schemas").path("Error"));
    }

    @Test
    void itsPathsAndMethodsAreExactlyTheRoutesOfTheBinding() {
        Set<Route.Endpoint> documented = new TreeSet<>();
        ServedDocument.ROOT.path("paths").fieldNames().forEachRemaining(template -> {
            Route route = Route.of(sample(template)).orElseThrow(() -> new AssertionError(
                    "the binding has no route for the documented path " + template));
            assertThat(ServedDocument.methods(template)).as("methods of %s", template)
                    .containsExactlyInAnyOrderElementsOf(route.endpoint().methods());
            documented.add(route.endpoint());
        });
        assertThat(documented).containsExactlyInAnyOrder(Route.Endpoint.values());
    }

    @Test
    void everyDocumentedOperationAnswersAsTheDocumentSays() {
        List<String> walked = new ArrayList<>();
        try (RestFixture rest = RestFixture.start(CustomEventsTest.SUPPORT_PLUS, null)) {
            rest.engine.registerAgent(new AgentProfile("a-1", 2, true, Agent.withId("a-1")));
            walk(rest, walked, "POST", "/support/o-1", OPEN);
            walk(rest, walked, "GET", "/support/o-1", null);
            walk(rest, walked, "PUT", "/support/o-1", "{\"callback_phone\":\"+49 30 7654321\"}");
            walk(rest, walked, "PUT", "/support/o-1/agent", "{\"id\":\"a-1\",\"rating\":\"4.5\"}");
            walk(rest, walked, "GET", "/support/o-1/agent", null);
            walk(rest, walked, "POST", "/support/o-1/events/escalate", "{\"id\":\"a-2\",\"rating\":\"5\"}",
                    "X-Actor", "supervisor");
            walk(rest, walked, "GET", "/support?state=ASSIGNED", null);
            walk(rest, walked, "GET", "/support/o-1/history", null);
            walk(rest, walked, "GET", "/agents", null);
            walk(rest, walked, "GET", "/agents/a-1", null);
            walk(rest, walked, "GET", "/health", null);
            walk(rest, walked, "DELETE", "/support/o-1/agent", null);
            walk(rest, walked, "DELETE", "/support/o-1", null, "If-Match", "\"1\"");
            walk(rest, walked, "DELETE", "/support/o-1", null);
            walk(rest, walked, "PUT", "/support/o-1", "{}");
            walk(rest, walked, "GET", "/support/o-2/agent", null);
            walk(rest, walked, "GET", "/openapi.yaml", null);
            walk(rest, walked, "GET", "/metrics", null);
        }
        Set<String> operations = new TreeSet<>();
        ServedDocument.ROOT.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(new TreeSet<>(walked)).as("every documented operation walked").isEqualTo(operations);
    }

    /**
     * Sends one request (RestFixture validates the answer against the document); records its operation. The YAML and
     * Prometheus text answers are checked by {@link #theServedDocumentIsTheResourceAsBuilt} and {@code MetricsTest}.
     */
    private static void walk(RestFixture rest, List<String> walked, String method, String path, String body,
                             String... headers) {
        String raw = path.split("\\?", 2)[0];
        walked.add(method + " " + ServedDocument.template(raw).orElseThrow());
        if (NOT_JSON.contains(raw)) {
            return;
        }
        rest.send(method, path, body, headers);
    }

    /** Fails naming the first part of {@code expected} that {@code actual} does not hold (lists: as a subset). */
    private static void assertContains(JsonNode actual, JsonNode expected, String where) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(actual.has(field.getKey())).as("%s has %s", where, field.getKey()).isTrue();
                assertContains(actual.path(field.getKey()), field.getValue(), where + "/" + field.getKey());
            }
        } else if (expected.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            actual.forEach(items::add);
            expected.forEach(item -> assertThat(items).as("%s holds %s", where, item).contains(item));
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    private static String sample(String template) {
        return template.replace("{orderId}", "o-1").replace("{agentId}", "a-1").replace("{event}", "escalate");
    }
}
