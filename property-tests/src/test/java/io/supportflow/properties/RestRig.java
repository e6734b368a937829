package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.rest.RestOptions;
import io.supportflow.engine.rest.RestServer;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An {@link EngineRig} behind the REST binding on a free loopback port, and a client for it. */
final class RestRig implements AutoCloseable {
    private final EngineRig rig;
    private final RestServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    private RestRig(EngineRig rig, RestServer server) {
        this.rig = rig;
        this.server = server;
    }

    static RestRig start(Lifecycle lifecycle) {
        EngineRig rig = EngineRig.start(lifecycle, new TestClock(), event -> { });
        try {
            return new RestRig(rig, RestServer.start(rig.engine(), RestOptions.defaults().withPort(0)));
        } catch (IOException e) {
            rig.close();
            throw new UncheckedIOException(e);
        }
    }

    SupportEngine engine() {
        return rig.engine();
    }

    /** Sends {@code method rawPath} with {@code body} (null: none) and {@code headers}, as they are. */
    HttpResponse<String> send(String method, String rawPath, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + rawPath))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::setHeader);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the REST binding did not answer " + method + " " + rawPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        rig.close();
    }
}
