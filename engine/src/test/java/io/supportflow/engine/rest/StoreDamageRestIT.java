package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.DamagedFiles;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damage in the data file of a served MapDB store (bytes flipped on disk under the running server, the page cache
 * dropped so reads go to the file), over real HTTP: a read that meets it is 503 {@code STORE_DAMAGED} naming the order,
 * a GovStack {@code Error} with no internals and no {@code Retry-After}, never a 500; reads that do not meet it answer
 * as before; and from the first damage on no command is accepted, the data file is left as it was.
 */
class StoreDamageRestIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aReadThatMeetsDamageIs503StoreDamagedNamingTheOrderAndNoCommandIsAcceptedAfterIt() throws Exception {
        SupportStore store = Stores.openMapDb(dir);
        try (SupportEngine engine = SupportEngine.builder().store(store).manualScheduling().build();
             RestServer server = RestServer.start(engine, RestOptions.defaults().withPort(0))) {
            var orders = IntStream.range(0, 40).mapToObj(i -> "order-" + i).toList();
            for (String order : orders) {
                engine.open(order, Support.forOrder(order), Actor.CUSTOMER);
                engine.update(order, Support.forOrder(order), Actor.CUSTOMER);
            }
            Map<String, String> histories = new TreeMap<>();
            orders.forEach(order -> histories.put(order, send(server, "GET", "/support/" + order + "/history", null)
                    .body()));

            byte[] flipped = DamagedFiles.flipEveryThirdPage(dir.resolve("supportflow.db"));
            DamagedFiles.dropCachedPages(store);
            int damaged = 0;
            for (String order : orders) {
                HttpResponse<String> answer = send(server, "GET", "/support/" + order + "/history", null);
                if (answer.statusCode() == 200) {
                    assertThat(answer.body()).as("history of %s", order).isEqualTo(histories.get(order));
                } else {
                    assertStoreDamaged(answer, order);
                    damaged++;
                }
            }
            assertThat(damaged).as("histories that met the damage").isPositive();
            for (String order : orders) {
                HttpResponse<String> answer = send(server, "PUT", "/support/" + order,
                        "{\"descriptor\":{\"name\":\"changed\"}}");
                assertThat(answer.statusCode()).as("PUT %s after damage: %s", order, answer.body()).isEqualTo(503);
                assertStoreDamaged(answer, null);
            }
            server.stop(Duration.ofSeconds(5));
            engine.close();
            assertThat(Files.readAllBytes(dir.resolve("supportflow.db"))).as("the data file after the refused PUTs")
                    .isEqualTo(flipped);
        }
    }

    private static void assertStoreDamaged(HttpResponse<String> answer, String order) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        JsonNode error = JSON.readTree(answer.body());
        GovStackContract.assertValid(GovStackContract.ERROR, error);
        assertThat(error.path("code").asText()).isEqualTo("STORE_DAMAGED");
        assertThat(error.path("message").asText()).contains("check-store")
                .doesNotContain("Exception").doesNotContain("/tmp").doesNotContain("supportflow.db");
        if (order != null) {
            assertThat(error.path("message").asText()).contains("of order " + order + " ");
        }
        assertThat(answer.headers().firstValue("Retry-After")).isEmpty();
    }

    private HttpResponse<String> send(RestServer server, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
