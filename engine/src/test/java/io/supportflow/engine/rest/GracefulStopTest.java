package io.supportflow.engine.rest;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the server lets a request already received finish, answers newcomers 503, then closes. */
class GracefulStopTest {

    @Test
    void aRequestInFlightFinishesWhileNewRequestsAreTurnedAway() throws Exception {
        try (RestFixture rest = RestFixture.start()) {
            rest.send("POST", "/support/o-1", "{}");
            String body = "{\"callback_phone\":\"+91 98765 43210\"}";
            try (Socket socket = new Socket(rest.server.address().getAddress(), rest.server.address().getPort())) {
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                out.write(("PUT /support/o-1 HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
                skipHeaders(in);

                CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(
                        () -> rest.server.stop(Duration.ofSeconds(30)));
                assertThat(statusWhileDraining(rest.server.uri())).isEqualTo(503);
                assertThat(stopped).isNotDone();

                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                assertThat(stopped.get()).isTrue();
            }
            assertThat(rest.engine.get("o-1").details().callbackPhone()).isEqualTo("+91 98765 43210");
        }
    }

    private static void skipHeaders(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            assertThat(line).contains(":");
        }
    }

    /** Polls /health on fresh connections until the server answers 503 (bounded: at most 200 tries). */
    private static int statusWhileDraining(URI base) throws IOException, InterruptedException {
        int status = 0;
        for (int attempt = 0; attempt < 200 && status != 503; attempt++) {
            HttpClient fresh = HttpClient.newHttpClient();
            status = fresh.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        return status;
    }
}
