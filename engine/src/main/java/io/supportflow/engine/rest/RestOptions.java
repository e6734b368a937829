package io.supportflow.engine.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RestServer} listens.
 *
 * @param host        the address to bind; {@code 127.0.0.1} (loopback) by default
 * @param port        the TCP port; 0 picks a free one
 * @param bearerToken when non-null, every request must send {@code Authorization: Bearer <token>}; never printed
 * @param threads     request handler threads (commands wait for the disk, so more than the cores)
 * @param grace       how long {@link RestServer#close()} waits for in-flight requests
 */
public record RestOptions(String host, int port, String bearerToken, int threads, Duration grace) {

    /** The largest request body accepted: 64 KiB. */
    public static final int BODY_LIMIT = 64 * 1024;

    public RestOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(grace, "grace");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            throw new IllegalArgumentException("the bearer token is blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
    }

    /** Loopback, port 8080, no token, 16 threads, 10 s grace. */
    public static RestOptions defaults() {
        return new RestOptions("127.0.0.1", 8080, null, 16, Duration.ofSeconds(10));
    }

    public RestOptions withHost(String value) {
        return new RestOptions(value, port, bearerToken, threads, grace);
    }

    public RestOptions withPort(int value) {
        return new RestOptions(host, value, bearerToken, threads, grace);
    }

    public RestOptions withBearerToken(String value) {
        return new RestOptions(host, port, value, threads, grace);
    }

    public RestOptions withGrace(Duration value) {
        return new RestOptions(host, port, bearerToken, threads, value);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "RestOptions[host=" + host + ", port=" + port + ", token=" + (bearerToken == null ? "none" : "set")
                + ", threads=" + threads + ", grace=" + grace + "]";
    }
}
