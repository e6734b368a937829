package io.supportflow.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.cli.MainTest.Run;
import io.supportflow.engine.rest.RestOptions;
import io.supportflow.engine.rest.RestServer;
import io.supportflow.persistence.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sessions} and {@code history} refuse the arguments the REST binding refuses, with the same words: a wrong
 * argument is exit 2 where REST answers 400, and the message is REST's without its closing advice.
 */
class CommandLineAgreesWithRestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupportEngine engine = SupportEngine.builder().store(Stores.inMemory()).manualScheduling().build();
    private final RestServer server = start(engine);

    @TempDir
    Path dir;

    private static RestServer start(SupportEngine engine) {
        try {
            return RestServer.start(engine, RestOptions.defaults().withPort(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    private JsonNode rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        return JSON.readTree(response.body());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            /support?state=BOGUS        | sessions --state BOGUS
            /support/o$1/history        | history o$1
            """)
    void aWrongArgumentIsExit2WithTheMessageRestGives(String path, String command) throws Exception {
        String message = rest(path).path("message").asText();
        String[] args = (command + " --data " + dir).split(" ");

        Run run = MainTest.run(args);

        assertThat(run.exit()).isEqualTo(2);
        String line = run.err().lines().findFirst().orElseThrow();
        String said = line.substring(line.indexOf(": ") + 2);
        assertThat(message).startsWith(said + ". ");
    }

    @Test
    void anEmptyAgentOrStateIsExit2AsRestAnswers400() throws Exception {
        assertThat(rest("/support?agent=").path("paths").asText()).isEqualTo("agent");

        assertThat(MainTest.run("sessions", "--data", dir.toString(), "--agent=").exit()).isEqualTo(2);
        assertThat(MainTest.run("sessions", "--data", dir.toString(), "--state=").exit()).isEqualTo(2);
    }
}
