package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine on an in-memory store behind a {@link RestServer} on a free loopback port, and a client whose every
 * answer is checked against the GovStack contract: a Support body against {@code Support}, the agent against
 * {@code Agent}, an error against {@code Error}, a session list item by item, and every answer against the response
 * the served document ({@code GET /openapi.yaml}) gives for its path, method and status. No answer may leak
 * internals.
 */
final class RestFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final SupportEngine engine;
    final RestServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String token;

    private RestFixture(SupportEngine engine, RestServer server, String token) {
        this.engine = engine;
        this.server = server;
        this.token = token;
    }

    static RestFixture start() {
        return start(null);
    }

    /** A server requiring {@code serverToken} (null: none); the client sends it. */
    static RestFixture start(String serverToken) {
        return start(Lifecycle.standard(), serverToken);
    }

    /** A server over an engine running {@code lifecycle}, requiring {@code serverToken} (null: none). */
    static RestFixture start(Lifecycle lifecycle, String serverToken) {
        return startWith(lifecycle, RestOptions.defaults().withBearerToken(serverToken));
    }

    /** A server with {@code options} (on a free port) over an engine running {@code lifecycle}. */
    static RestFixture startWith(Lifecycle lifecycle, RestOptions options) {
        SupportEngine engine = SupportEngine.builder().lifecycle(lifecycle).store(Stores.inMemory())
                .manualScheduling().build();
        try {
            RestServer server = RestServer.start(engine, options.withPort(0));
            return new RestFixture(engine, server, options.bearerToken());
        } catch (IOException e) {
            engine.close();
            throw new UncheckedIOException(e);
        }
    }

    /** One answer: status, headers and body (parsed when JSON). */
    record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        String text(String field) {
            return json.path(field).asText(null);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return checked(method, path, exchange(request.build()));
    }

    /** Sends a prepared request as it is (no token added) and checks the answer like every other. */
    Answer exchangeRaw(HttpRequest request) {
        return checked(request.method(), request.uri().getRawPath(), exchange(request));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer checked(String method, String path, HttpResponse<String> response) {
        JsonNode json = parse(response.body());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).as("no internals in %s %s", method, path)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.supportflow")
                .doesNotContain("/work/").doesNotContain("java.");
        assertThat(response.statusCode()).as("%s %s never answers 5xx: %s", method, path, response.body())
                .isLessThan(500);
        contractOf(method, path, response.statusCode(), json);
        return new Answer(response.statusCode(), response, json);
    }

    private static void contractOf(String method, String path, int status, JsonNode json) {
        ServedDocument.assertAnswer(method, path.split("\\?", 2)[0], status, json);
        if (status >= 400) {
            GovStackContract.assertValid(GovStackContract.ERROR, json);
            assertThat(json.path("code").isTextual()).isTrue();
            assertThat(json.path("message").isTextual()).isTrue();
            return;
        }
        String route = path.split("\\?", 2)[0];
        if (route.equals("/support")) {
            json.forEach(item -> GovStackContract.assertValid(GovStackContract.SUPPORT, item));
        } else if (route.endsWith("/agent") && method.equals("GET")) {
            GovStackContract.assertValid(GovStackContract.AGENT, json);
        } else if (route.startsWith("/support/") && !route.endsWith("/history")) {
            GovStackContract.assertValid(GovStackContract.SUPPORT, json);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The session's answer to GET and its history: what "nothing changed" compares. */
    List<String> snapshot(String orderId) {
        List<String> parts = new ArrayList<>();
        Answer session = get("/support/" + orderId);
        parts.add(session.status() + " " + session.json());
        parts.add(String.valueOf(session.header("ETag")));
        parts.add(get("/support/" + orderId + "/history").json().toString());
        return parts;
    }

    @Override
    public void close() {
        server.stop(java.time.Duration.ofSeconds(5));
        engine.close();
    }
}
