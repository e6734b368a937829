package io.supportflow.engine.cli;

import io.supportflow.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two {@code supportflow.jar serve --postgres} processes on one database answer as one engine. */
class ServeOnPostgresIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;

    @Test
    void aSessionOpenedThroughOneProcessIsReadAndChangedThroughTheOther() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        try (JarProcess first = JarProcess.start(dir, "serve", "--port", "0", "--postgres", url);
             JarProcess second = JarProcess.start(dir, "serve", "--port", "0", "--postgres", url)) {
            URI one = ready(first);
            URI two = ready(second);
            assertThat(send(one, "POST", "/support/o-1", "{\"descriptor\":{\"name\":\"via one\"}}").statusCode())
                    .isEqualTo(201);
            assertThat(send(two, "GET", "/support/o-1", null).body()).contains("\"via one\"", "\"version\":1");
            assertThat(send(two, "PUT", "/support/o-1/agent", "{\"id\":\"agent-7\"}").body())
                    .contains("\"ASSIGNED\"", "\"version\":2");
            assertThat(send(one, "GET", "/support/o-1", null).body()).contains("\"ASSIGNED\"", "\"version\":2");
            assertThat(send(one, "GET", "/agents/agent-7", null).body()).contains("\"load\":1");
        }
    }

    @Test
    void aPasswordInTheUrlIsRefusedBeforeAnythingStarts() throws Exception {
        try (JarProcess refused = JarProcess.start(dir, "serve", "--postgres",
                "jdbc:postgresql://127.0.0.1:1/db?user=u&password=secret")) {
            assertThat(refused.awaitExit(LIMIT)).isEqualTo(2);
            assertThat(refused.stderr()).contains("keep the password off the command line",
                    StoreChoice.PASSWORD_ENV);
        }
    }

    private static URI ready(JarProcess server) throws InterruptedException {
        String line = server.awaitLine(l -> l.startsWith(ServeCommand.READY), LIMIT);
        assertThat(line).contains("postgres jdbc:postgresql://127.0.0.1:");
        return URI.create(line.substring(ServeCommand.READY.length()).split(" ", 2)[0]);
    }

    private HttpResponse<String> send(URI base, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
