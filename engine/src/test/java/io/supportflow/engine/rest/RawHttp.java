package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw HTTP/1.1 client on one loopback socket: it writes whatever bytes a test gives it (malformed ones too) and
 * reads answers byte by byte. Every read is bounded by the socket timeout, so a server that never answers fails the
 * test instead of hanging it.
 */
final class RawHttp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** A connection to {@code address} whose reads give up after {@code readTimeout}. */
    RawHttp(InetSocketAddress address, Duration readTimeout) {
        try {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }

    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OutputStream output() {
        return out;
    }

    /** Reads one answer; its body by Content-Length (none for HEAD, when {@code head}), else to the end. */
    Answer read(boolean head) {
        try {
            String statusLine = line();
            assertThat(statusLine).as("a status line").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String length = headers.get("content-length");
            byte[] body = head || status == 100 ? new byte[0]
                    : length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
            return new Answer(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer read() {
        return read(false);
    }

    /** Whether the server has closed the connection: the next read sees the end of the stream (or a reset). */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
