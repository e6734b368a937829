package io.supportflow.engine.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RestServer} listens, and the limits it holds every client to. Each limit has a safe default
 * ({@link #defaults()}) and a {@code serve} option of the same name.
 *
 * @param host           the address to bind; {@code 127.0.0.1} (loopback) by default
 * @param port           the TCP port; 0 picks a free one
 * @param bearerToken    when non-null, every request must send {@code Authorization: Bearer <token>}; never printed
 * @param threads        requests handled at once (commands wait for the disk, so more than the cores)
 * @param queue          requests that may wait for a handler; beyond it (or after waiting {@code idleTimeout}) a
 *                       request is answered 503 with {@code Retry-After}
 * @param maxConnections open connections at most; further connections wait in the listen backlog until one closes
 * @param headerTimeout  a new connection must send its first request head within this time, else it is closed
 * @param idleTimeout    a connection silent this long (between requests, or while its request or answer is under
 *                       way) is closed
 * @param maxHeaderBytes the request line and headers together at most (431 beyond)
 * @param maxBodyBytes   a request body at most (413 beyond, answered before the body is read when its
 *                       {@code Content-Length} already says so)
 * @param grace          how long {@link RestServer#close()} waits for in-flight requests
 */
public record RestOptions(String host, int port, String bearerToken, int threads, int queue, int maxConnections,
                          Duration headerTimeout, Duration idleTimeout, int maxHeaderBytes, int maxBodyBytes,
                          Duration grace) {

    /** The default largest request body: 64 KiB. */
    public static final int BODY_LIMIT = 64 * 1024;

    public RestOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(grace, "grace");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (bearerToken != null && bearerToken.isBlank()) {
            throw new IllegalArgumentException("the bearer token is blank");
        }
        atLeast("threads", threads, 1);
        atLeast("queue", queue, 0);
        atLeast("maxConnections", maxConnections, 1);
        atLeast("maxHeaderBytes", maxHeaderBytes, 1024);
        atLeast("maxBodyBytes", maxBodyBytes, 0);
        positive("headerTimeout", headerTimeout);
        positive("idleTimeout", idleTimeout);
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative: " + grace);
        }
    }

    /**
     * Loopback, port 8080, no token, 16 threads, a queue of 64, 512 connections, 10 s for a request head, 30 s
     * idle, 8 KiB of headers, 64 KiB of body, 10 s grace.
     */
    public static RestOptions defaults() {
        return new RestOptions("127.0.0.1", 8080, null, 16, 64, 512, Duration.ofSeconds(10), Duration.ofSeconds(30),
                8 * 1024, BODY_LIMIT, Duration.ofSeconds(10));
    }

    public RestOptions withHost(String value) {
        return new RestOptions(value, port, bearerToken, threads, queue, maxConnections, headerTimeout, idleTimeout,
                maxHeaderBytes, maxBodyBytes, grace);
    }

    public RestOptions withPort(int value) {
        return new RestOptions(host, value, bearerToken, threads, queue, maxConnections, headerTimeout, idleTimeout,
                maxHeaderBytes, maxBodyBytes, grace);
    }

    public RestOptions withBearerToken(String value) {
        return new RestOptions(host, port, value, threads, queue, maxConnections, headerTimeout, idleTimeout,
                maxHeaderBytes, maxBodyBytes, grace);
    }

    /** {@code threads} handled at once, {@code queue} waiting. */
    public RestOptions withThreads(int value, int queueValue) {
        return new RestOptions(host, port, bearerToken, value, queueValue, maxConnections, headerTimeout, idleTimeout,
                maxHeaderBytes, maxBodyBytes, grace);
    }

    public RestOptions withMaxConnections(int value) {
        return new RestOptions(host, port, bearerToken, threads, queue, value, headerTimeout, idleTimeout,
                maxHeaderBytes, maxBodyBytes, grace);
    }

    /** The time a new connection has for its first request head, and the idle timeout of every connection. */
    public RestOptions withTimeouts(Duration header, Duration idle) {
        return new RestOptions(host, port, bearerToken, threads, queue, maxConnections, header, idle, maxHeaderBytes,
                maxBodyBytes, grace);
    }

    /** The largest request head (request line and headers) and the largest body. */
    public RestOptions withSizes(int headerBytes, int bodyBytes) {
        return new RestOptions(host, port, bearerToken, threads, queue, maxConnections, headerTimeout, idleTimeout,
                headerBytes, bodyBytes, grace);
    }

    public RestOptions withGrace(Duration value) {
        return new RestOptions(host, port, bearerToken, threads, queue, maxConnections, headerTimeout, idleTimeout,
                maxHeaderBytes, maxBodyBytes, value);
    }

    private static void atLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ": " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "RestOptions[host=" + host + ", port=" + port + ", token=" + (bearerToken == null ? "none" : "set")
                + ", threads=" + threads + ", queue=" + queue + ", maxConnections=" + maxConnections
                + ", headerTimeout=" + headerTimeout + ", idleTimeout=" + idleTimeout + ", maxHeaderBytes="
                + maxHeaderBytes + ", maxBodyBytes=" + maxBodyBytes + ", grace=" + grace + "]";
    }
}
