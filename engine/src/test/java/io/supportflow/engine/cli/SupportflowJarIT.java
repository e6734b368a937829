package io.supportflow.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded {@code supportflow.jar} as a user runs it: exit codes, the demo, and serve's graceful SIGTERM. */
class SupportflowJarIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void verifyExitsZeroForTheStandardLifecycleAndOneWithATraceForABrokenOne() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.rules"), MainTest.BROKEN_RULES);
        try (JarProcess standard = JarProcess.start(dir, "verify");
             JarProcess custom = JarProcess.start(dir, "verify", "--rules", broken.toString())) {
            assertThat(standard.awaitExit(LIMIT)).isZero();
            assertThat(standard.stdout()).contains("OK: P1, P2, P3 and P7 hold.");
            assertThat(custom.awaitExit(LIMIT)).isEqualTo(1);
            assertThat(custom.stdout()).contains("2. o1: grab by CUSTOMER -> ASSIGNED");
        }
    }

    @Test
    void aWrongFlagExitsTwoWithOneLineAndTheUsage() throws Exception {
        try (JarProcess wrong = JarProcess.start(dir, "serve", "--prot", "8080")) {
            assertThat(wrong.awaitExit(LIMIT)).isEqualTo(2);
            assertThat(wrong.stderr()).startsWith("supportflow serve: unknown option '--prot'\n\nusage: ");
        }
    }

    @Test
    void theDemoWalksThroughEveryOperationAndLeavesNothingBehind() throws Exception {
        try (JarProcess demo = JarProcess.start(dir, "demo")) {
            assertThat(demo.awaitExit(LIMIT)).as(demo.stderr()).isZero();
            assertThat(demo.stdout()).contains("> POST /support/order-1001", "> GET /support/order-1001",
                    "> PUT /support/order-1001", "> DELETE /support/order-1001", "> PUT /support/order-1001/agent",
                    "> GET /support/order-1001/agent", "> DELETE /support/order-1001/agent",
                    "~ transition assign: OPEN -> ASSIGNED (version 3, by CUSTOMER)", "< 409");
        }
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void sigtermFinishesTheRequestInFlightThenTheStoreIsReadableOffline() throws Exception {
        Path data = dir.resolve("data");
        try (JarProcess server = JarProcess.start(dir, "serve", "--port", "0", "--data", data.toString())) {
            URI base = URI.create(server.awaitLine(l -> l.startsWith(ServeCommand.READY), LIMIT)
                    .substring(ServeCommand.READY.length()).split(" ", 2)[0]);
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/support/o-1"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(201);

            String body = "{\"agent\":{\"id\":\"agent-7\"}}";
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                out.write(("PUT /support/o-1/agent HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");

                assertThat(server.process.toHandle().destroy()).as("SIGTERM sent").isTrue();
                server.awaitLine(ServeCommand.STOPPING::equals, LIMIT);
                out.write(body.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = in.readLine();
                while (status.isEmpty() || status.contains(":")) {
                    status = in.readLine();
                }
                assertThat(status).isEqualTo("HTTP/1.1 200 OK");
            }
            assertThat(server.awaitExit(LIMIT)).as("a clean stop after SIGTERM is a success").isZero();
            assertThat(server.stdout()).endsWith("supportflow: stopped");
        }
        try (JarProcess sessions = JarProcess.start(dir, "sessions", "--data", data.toString())) {
            assertThat(sessions.awaitExit(LIMIT)).as(sessions.stderr()).isZero();
            assertThat(sessions.stdout()).containsPattern("o-1 +ASSIGNED +2 +agent-7");
        }
        try (JarProcess history = JarProcess.start(dir, "history", "--data", data.toString(), "o-1")) {
            assertThat(history.awaitExit(LIMIT)).as(history.stderr()).isZero();
            assertThat(history.stdout()).containsPattern("2 .* CUSTOMER +assign +OPEN -> ASSIGNED  agent agent-7");
        }
    }
}
