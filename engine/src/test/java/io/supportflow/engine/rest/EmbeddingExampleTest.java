package io.supportflow.engine.rest;

import io.supportflow.engine.SupportEngine;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example, as written there (plus assertions): the Java API and the REST binding together. */
class EmbeddingExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeEmbeddingExampleRuns() throws Exception {
        Path dataDirectory = dir.resolve("support-data");
        // --- README example starts
        try (SupportEngine engine = SupportEngine.builder()
                     .dataDirectory(dataDirectory)                        // MapDB files live here
                     .listener(event -> System.out.println(event))        // every accepted transition, at least once
                     .build();
             RestServer rest = RestServer.start(engine, RestOptions.defaults().withPort(0))) {

            Session opened = engine.open("order-1001", Support.forOrder("order-1001"), Actor.CUSTOMER);
            Session assigned = engine.assign("order-1001", Agent.withId("agent-7"), Actor.SUPERVISOR);
            System.out.println(assigned.state() + " v" + assigned.version() + " on " + rest.uri());
            // --- README example ends
            assertThat(opened.state()).isEqualTo("OPEN");
            assertThat(assigned.state()).isEqualTo("ASSIGNED");
            HttpResponse<String> viaRest = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(rest.uri() + "/support/order-1001/agent")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(viaRest.body()).isEqualTo("{\"id\":\"agent-7\"}");
        }
    }
}
