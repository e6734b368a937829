package io.supportflow.engine.rest;

import com.sun.net.httpserver.HttpServer;
import io.supportflow.engine.SupportEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The GovStack 8.12 REST binding of a {@link SupportEngine}, on the JDK's built-in HTTP server: the seven
 * operations under {@code /support/{orderId}}, plus {@code GET /support?state=&agent=},
 * {@code GET /support/{orderId}/history} and {@code GET /health}. JSON is GovStack snake_case; every error is a
 * GovStack {@code Error} object. The one public entry point of the binding; the README documents the endpoints.
 *
 * <p>The server does not own the engine: {@link #stop} leaves it open. Thread-safe.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final InFlight inFlight;
    private final Duration grace;
    private final AtomicInteger stopped = new AtomicInteger();

    private RestServer(HttpServer server, ExecutorService handlers, InFlight inFlight, Duration grace) {
        this.server = server;
        this.handlers = handlers;
        this.inFlight = inFlight;
        this.grace = grace;
    }

    /**
     * Binds {@code options.host():options.port()} and starts serving {@code engine}.
     *
     * @throws IOException if the address cannot be bound (in use, or not an address of this machine)
     */
    public static RestServer start(SupportEngine engine, RestOptions options) throws IOException {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(options, "options");
        InFlight inFlight = new InFlight();
        BearerToken token = options.bearerToken() == null ? null : new BearerToken(options.bearerToken());
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByName(options.host()), options.port()), 0);
        ExecutorService handlers = Executors.newFixedThreadPool(options.threads(), namedThreads());
        server.createContext("/", new RestHandler(new SupportEndpoints(engine), token, inFlight));
        server.setExecutor(inFlight.counting(handlers));
        server.start();
        RestServer rest = new RestServer(server, handlers, inFlight, options.grace());
        LOG.info("supportflow REST binding on {} (lifecycle {}, {})", rest.uri(), engine.definition().name(),
                token == null ? "no token" : "bearer token required");
        return rest;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://host:port}. */
    public URI uri() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /**
     * Graceful stop: every request already received (its headers read, or being read) finishes, for at most
     * {@code grace}, while requests arriving meanwhile are answered 503; then the listener and every connection
     * close. Idempotent; the engine stays open.
     *
     * @return whether every in-flight request finished within {@code grace}
     */
    public boolean stop(Duration grace) {
        if (stopped.getAndIncrement() > 0) {
            return true;
        }
        boolean drained = drain(grace);
        server.stop(0);
        handlers.shutdown();
        try {
            handlers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("supportflow REST binding stopped{}", drained ? "" : " (some requests did not finish in time)");
        return drained;
    }

    /** {@link #stop(Duration)} with the options' grace. */
    @Override
    public void close() {
        stop(grace);
    }

    private boolean drain(Duration grace) {
        try {
            return inFlight.drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "supportflow-http-" + next.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
