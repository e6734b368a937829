package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.supportflow.engine.rest.RawHttp.Answer;
import io.supportflow.spec.lifecycle.Lifecycle;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binding under clients that misbehave, on real loopback sockets: slow-loris connections, oversized bodies and
 * headers, malformed requests, bytes that are not UTF-8. Each is answered with a GovStack {@code Error} the client
 * can read (or, for a connection that never sends a request head, closed), and well-behaved clients are still
 * served meanwhile.
 */
class HostileClientsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String OPEN = "POST /support/o-1 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";

    private static RawHttp connect(RestFixture rest) {
        return new RawHttp(rest.server.address(), PATIENCE);
    }

    /** A GovStack Error with {@code code}, and nothing in it of Java, Jetty, Jackson or the request. */
    private static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode json = answer.json();
        GovStackContract.assertValid(GovStackContract.ERROR, json);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(answer.text()).doesNotContain("Exception").doesNotContainIgnoringCase("jetty")
                .doesNotContain("java.").doesNotContain("Feature").doesNotContain("Constraints")
                .doesNotContain("`");
        assertThat(answer.text().length()).as("no unbounded echo").isLessThan(600);
    }

    @Test
    void twoHundredSlowLorisConnectionsAreClosedWhileAWellBehavedRequestIsAnswered() {
        Duration headerTimeout = Duration.ofSeconds(2);
        try (RestFixture rest = RestFixture.startWith(Lifecycle.standard(), RestOptions.defaults()
                .withTimeouts(headerTimeout, Duration.ofSeconds(30)))) {
            List<RawHttp> lorises = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    lorises.add(connect(rest).send("GET /health HTTP/1.1\r\nHost: x\r\n"));
                }
                try (RawHttp good = new RawHttp(rest.server.address(), headerTimeout)) {
                    Answer health = good.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read();
                    assertThat(health.status()).isEqualTo(200);
                    assertThat(health.text()).contains("\"UP\"");
                }
                for (RawHttp loris : lorises) {
                    assertThat(loris.closedByServer()).isTrue();
                }
            } finally {
                lorises.forEach(RawHttp::close);
            }
        }
    }

    @Test
    void acceptedConnectionsHaveNagleSwitchedOff() throws IOException {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            assertThat(client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            List<EndPoint> endPoints = new ArrayList<>(rest.server.connector().getConnectedEndPoints());
            assertThat(endPoints).hasSize(1);
            SocketChannel channel = (SocketChannel) endPoints.get(0).getTransport();
            assertThat(channel.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} bytes, {1}")
    @CsvSource(textBlock = """
            2097152,   content-length
            2097152,   chunked
            2097152,   expect-100
            104857600, content-length
            104857600, chunked
            104857600, expect-100
            """)
    void anOversizedBodyEndsInAReadable413(long size, String framing) {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            client.send(OPEN).read();
            String head = "PUT /support/o-1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + (framing.equals("chunked") ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n")
                    + (framing.equals("expect-100") ? "Expect: 100-continue\r\n" : "") + "\r\n";
            client.send(head);
            CompletableFuture<Void> upload = framing.equals("expect-100") ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> upload(client.output(), size, framing.equals("chunked")));

            Answer answer = client.read();

            assertError(answer, 413, "BODY_TOO_LARGE");
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(client.closedByServer()).isTrue();
            upload.exceptionally(failed -> null).join();
            assertThat(rest.engine.get("o-1").version()).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = {false, true})
    void aClientThatSendsItsWhole2MibBodyBeforeReadingStillReadsThe413(boolean chunked) throws IOException {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            sendWhole(client, 2 << 20, chunked);

            assertError(client.read(), 413, "BODY_TOO_LARGE");
        }
    }

    @Test
    void aClientSending100MibAfterThe413IsCutOffNotSwallowedWhole() {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            assertThatThrownBy(() -> sendWhole(client, 100 << 20, false)).isInstanceOf(IOException.class);
        }
    }

    private static void sendWhole(RawHttp client, long size, boolean chunked) throws IOException {
        client.send("PUT /support/o-1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n");
        writeBody(client.output(), size, chunked);
    }

    private static void writeBody(OutputStream out, long size, boolean chunked) throws IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) ' ');
        byte[] none = new byte[0];
        for (long sent = 0; sent < size; sent += block.length) {
            out.write(chunked ? (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII) : none);
            out.write(block);
            out.write(chunked ? "\r\n".getBytes(StandardCharsets.US_ASCII) : none);
        }
        out.write(chunked ? "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII) : none);
        out.flush();
    }

    /** Sends {@code size} bytes of body; stops quietly when the server closes the connection. */
    private static void upload(OutputStream out, long size, boolean chunked) {
        try {
            writeBody(out, size, chunked);
        } catch (IOException closedByServer) {
            // expected once the server has answered and closed
        }
    }

    @Test
    void aMegabyteHeaderOrFiveThousandHeadersAre431() {
        try (RestFixture rest = RestFixture.start()) {
            try (RawHttp client = connect(rest)) {
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> client.send(
                        "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n"));
                assertError(client.read(), 431, "HEADERS_TOO_LARGE");
                sent.exceptionally(failed -> null).join();
            }
            try (RawHttp client = connect(rest)) {
                StringBuilder many = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
                for (int i = 0; i < 5000; i++) {
                    many.append("X-H").append(i).append(": v\r\n");
                }
                CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> client.send(many + "\r\n"));
                assertError(client.read(), 431, "HEADERS_TOO_LARGE");
                sent.exceptionally(failed -> null).join();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            garbage request line         | NOT HTTP AT ALL\\r\\n\\r\\n                                                      | 400 | MALFORMED_REQUEST
            unknown HTTP version         | GET /health HTTP/9.9\\r\\nHost: x\\r\\n\\r\\n                                    | 505 | HTTP_VERSION_NOT_SUPPORTED
            bad percent escape in path   | GET /support/% HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                                 | 400 | MALFORMED_REQUEST
            encoded NUL in path          | POST /support/%00c HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n\\r\\n       | 400 | MALFORMED_REQUEST
            Content-Length not a number  | POST /support/o-9 HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n       | 400 | MALFORMED_REQUEST
            Content-Length twice         | POST /support/o-9 HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab | 400 | MALFORMED_REQUEST
            Content-Length and chunked   | POST /support/o-9 HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400 | MALFORMED_REQUEST
            unknown transfer coding      | POST /support/o-9 HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n  | 400 | MALFORMED_REQUEST
            header without colon         | GET /health HTTP/1.1\\r\\nHost: x\\r\\nNoColonHere\\r\\n\\r\\n                    | 400 | MALFORMED_REQUEST
            HTTP/1.1 without Host        | GET /health HTTP/1.1\\r\\n\\r\\n                                                 | 400 | MALFORMED_REQUEST
            OPTIONS *                    | OPTIONS * HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                                      | 404 | ROUTE_NOT_FOUND
            an unmet expectation         | PUT /support/o-9 HTTP/1.1\\r\\nHost: x\\r\\nExpect: tea\\r\\nContent-Length: 2\\r\\n\\r\\n{} | 417 | EXPECTATION_FAILED
            order id .                   | POST /support/. HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n\\r\\n          | 400 | INVALID_INPUT
            order id ..                  | POST /support/.. HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n\\r\\n         | 400 | INVALID_INPUT
            encoded slash in order id    | POST /support/o%2F1 HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 0\\r\\n\\r\\n      | 400 | INVALID_INPUT
            overlong UTF-8 in the query  | GET /support?agent=%C0%AF HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                       | 400 | INVALID_INPUT
            encoded surrogate in query   | GET /support?agent=%ED%A0%80 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n                    | 400 | INVALID_INPUT
            """)
    void aMalformedRequestIsAnsweredWithAGovStackError(String what, String request, int status, String code) {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            Answer answer = client.send(request.replace("\\r\\n", "\r\n")).read();
            assertError(answer, status, code);
            assertThat(rest.get("/support").json()).as("nothing was stored").isEmpty();
            assertKeptOpenOrSaidClose(client, answer);
        }
    }

    /** A client may send its next request down a connection the answer did not close with Connection: close. */
    private static void assertKeptOpenOrSaidClose(RawHttp client, Answer answer) {
        if ("close".equalsIgnoreCase(answer.header("Connection"))) {
            assertThat(client.closedByServer()).as("closed as the answer said").isTrue();
        } else {
            assertThat(client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read().status())
                    .as("the connection the answer left open still answers").isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "bytes {0}")
    @ValueSource(strings = {"ED A0 80", "C0 AF", "FF", "E2 82"})
    void aBodyThatIsNotUtf8IsRefusedTheSameWayWhateverTheFault(String hex) {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            client.send(OPEN).read();
            byte[] body = bodyWithBytes(hex);
            client.send("PUT /support/o-1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").send(body);

            Answer answer = client.read();

            assertError(answer, 400, "INVALID_INPUT");
            assertThat(answer.json().path("message").asText()).startsWith("the body is not well-formed UTF-8");
            assertThat(answer.json().path("paths").asText()).isEqualTo("body");
            assertThat(rest.engine.get("o-1").version()).isEqualTo(1);
        }
    }

    private static byte[] bodyWithBytes(String hex) {
        byte[] prefix = "{\"descriptor\":{\"name\":\"x".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\"}}".getBytes(StandardCharsets.US_ASCII);
        String[] parts = hex.split(" ");
        byte[] body = Arrays.copyOf(prefix, prefix.length + parts.length + suffix.length);
        for (int i = 0; i < parts.length; i++) {
            body[prefix.length + i] = (byte) Integer.parseInt(parts[i], 16);
        }
        System.arraycopy(suffix, 0, body, prefix.length + parts.length, suffix.length);
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nested too deeply       | DEEP
            content after the value | {"faq":{}} trailing
            a duplicate key         | {"order_id":"o-1","order_id":"o-1"}
            cut short               | {"descriptor":
            """)
    void jsonErrorsNameNoLibraryInternals(String what, String body) {
        String sent = body.equals("DEEP") ? "[".repeat(2000) + "]".repeat(2000) : body;
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            client.send(OPEN).read();
            client.send("PUT /support/o-1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + sent.length() + "\r\n\r\n" + sent);

            assertError(client.read(), 400, "INVALID_INPUT");
        }
    }

    @Test
    void aLongQueryValueOrParameterNameIsNotEchoed() {
        String longValue = "x".repeat(5000);
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            Answer state = client.send("GET /support?state=" + longValue + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
            Answer name = client.send("GET /support?" + longValue + "=1 HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertError(state, 400, "INVALID_INPUT");
            assertError(name, 400, "INVALID_INPUT");
            assertThat(state.text()).doesNotContain(longValue.substring(0, 200));
        }
    }

    @Test
    void headIsAnsweredLikeGetWithoutTheBody() {
        try (RestFixture rest = RestFixture.start(); RawHttp client = connect(rest)) {
            client.send(OPEN).read();
            Answer get = client.send("GET /support/o-1 HTTP/1.1\r\nHost: x\r\n\r\n").read();
            Answer head = client.send("HEAD /support/o-1 HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
            Answer after = client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("ETag")).isEqualTo(get.header("ETag")).isEqualTo("\"1\"");
            assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length));
            assertThat(after.status()).as("no body followed the HEAD answer on the connection").isEqualTo(200);
            assertThat(after.text()).contains("\"UP\"");
        }
    }

    @Test
    void whenEveryHandlerAndQueuePlaceIsTakenARequestIs503WithRetryAfter() {
        try (RestFixture rest = RestFixture.startWith(Lifecycle.standard(), RestOptions.defaults().withThreads(1, 0));
             RawHttp busy = connect(rest); RawHttp turnedAway = connect(rest)) {
            busy.send(OPEN).read();
            busy.send("PUT /support/o-1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertThat(busy.read().status()).as("the one handler is reading this body").isEqualTo(100);

            Answer answer = turnedAway.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n").read();

            assertError(answer, 503, "SERVICE_UNAVAILABLE");
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(busy.send("{}").read().status()).isEqualTo(200);
        }
    }
}
