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
            /support?limit=0            | sessions --limit 0
            /support?limit=ten          | sessions --limit ten
            /support?limit=1001         | sessions --limit 1001
            /support?cursor=bz8x        | sessions --cursor bz8x
            /support?cursor=djox        | sessions --cursor djox
            /support/o-1/history?limit=0   | history o-1 --limit 0
            /support/o-1/history?cursor=bzpvLTE | history o-1 --cursor bzpvLTE
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
    void aPageOfTheCommandLineIsThePageRestAnswersWithTheSameNextCursor() throws Exception {
        for (String orderId : new String[] {"o-3", "o-1", "o-2"}) {
            engine.open(orderId, io.supportflow.spec.govstack.Support.forOrder(orderId),
                    io.supportflow.spec.lifecycle.Actor.CUSTOMER);
        }
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.uri() + "/support?limit=2")).build(), HttpResponse.BodyHandlers.ofString());
        String link = page.headers().firstValue("Link").orElseThrow();
        String cursor = link.substring(link.indexOf("cursor=") + 7, link.indexOf('>'));
        server.close();
        engine.close();
        // the same sessions in a store of its own for the command line
        try (SupportEngine offline = SupportEngine.builder().dataDirectory(dir).manualScheduling().build()) {
            for (String orderId : new String[] {"o-3", "o-1", "o-2"}) {
                offline.open(orderId, io.supportflow.spec.govstack.Support.forOrder(orderId),
                        io.supportflow.spec.lifecycle.Actor.CUSTOMER);
            }
        }

        Run first = MainTest.run("sessions", "--data", dir.toString(), "--limit", "2");
        Run second = MainTest.run("sessions", "--data", dir.toString(), "--limit", "2", "--cursor", cursor);

        assertThat(first.out()).contains("o-1", "o-2", "2 sessions", "next page: --cursor " + cursor)
                .doesNotContain("o-3");
        assertThat(second.out()).contains("o-3", "1 session").doesNotContain("o-1", "next page");
        assertThat(MainTest.run("sessions", "--data", dir.toString()).out()).contains("o-1", "o-2", "o-3",
                "3 sessions");
    }

    @Test
    void anEmptyAgentOrStateIsExit2AsRestAnswers400() throws Exception {
        assertThat(rest("/support?agent=").path("paths").asText()).isEqualTo("agent");

        assertThat(MainTest.run("sessions", "--data", dir.toString(), "--agent=").exit()).isEqualTo(2);
        assertThat(MainTest.run("sessions", "--data", dir.toString(), "--state=").exit()).isEqualTo(2);
    }
}
