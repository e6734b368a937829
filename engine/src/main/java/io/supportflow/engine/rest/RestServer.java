package io.supportflow.engine.rest;

import io.supportflow.engine.SupportEngine;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The GovStack 8.12 REST binding of a {@link SupportEngine}, on an embedded Jetty server: the seven operations under
 * {@code /support/{orderId}}, plus {@code GET /support?state=&agent=}, {@code GET /support/{orderId}/history},
 * {@code POST /support/{orderId}/events/{event}} (custom events),
 * the agents' loads and {@code GET /health}. JSON is GovStack snake_case; every error, the server's own for
 * malformed requests included, is a GovStack {@code Error} object. The limits of {@link RestOptions} hold for every
 * client. The one public entry point of the binding; the README documents the endpoints.
 *
 * <p>The server does not own the engine: {@link #stop} leaves it open. Thread-safe.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    /** Selector and acceptor threads beside the handler threads. */
    private static final int IO_THREADS = 4;

    private final Server server;
    private final ServerConnector connector;
    private final InetAddress host;
    private final InFlight inFlight;
    private final Duration grace;
    private final AtomicInteger stopped = new AtomicInteger();

    private RestServer(Server server, ServerConnector connector, InetAddress host, InFlight inFlight,
                       Duration grace) {
        this.server = server;
        this.connector = connector;
        this.host = host;
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
        InetAddress host = InetAddress.getByName(options.host());
        BearerToken token = options.bearerToken() == null ? null : new BearerToken(options.bearerToken());
        HttpIo io = new HttpIo(options.maxBodyBytes(), options.idleTimeout().toMillis());

        Server server = new Server(threads(options));
        ServerConnector connector = connector(server, options);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));
        server.setErrorHandler(new ServerErrors(io));
        RestHandler handler = new RestHandler(new SupportEndpoints(engine), token, io,
                new Metrics(engine.meterRegistry()));
        InFlight inFlight = new InFlight(admission(handler, options), io);
        server.setHandler(inFlight);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e instanceof IOException io2) {
                throw io2;
            }
            throw new IOException("the server did not start", e);
        }
        new HeaderTimeout(connector, options.headerTimeout()).start();
        RestServer rest = new RestServer(server, connector, host, inFlight, options.grace());
        LOG.info("supportflow REST binding on {} (lifecycle {}, {})", rest.uri(), engine.definition().name(),
                token == null ? "no token" : "bearer token required");
        return rest;
    }

    private static QueuedThreadPool threads(RestOptions options) {
        // the task queue is Jetty's unbounded default: it holds at most one task per open connection, and
        // connections are capped; the bounded queue of requests waiting for a handler is the admission's
        int max = options.threads() + IO_THREADS;
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(max, IO_THREADS + 2));
        pool.setReservedThreads(0);
        pool.setName("supportflow-http");
        return pool;
    }

    private static ServerConnector connector(Server server, RestOptions options) {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(options.maxHeaderBytes());
        // the path is never decoded: the binding checks the raw order and agent ids against their character sets,
        // so a request Jetty would call ambiguous (%2F, ..) reaches it and is refused naming the id
        config.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        connector.setAcceptedTcpNoDelay(true);
        return connector;
    }

    /** At most {@code threads} requests handled at once, {@code queue} waiting (for at most the idle timeout). */
    private static QoSHandler admission(RestHandler handler, RestOptions options) {
        QoSHandler admission = new QoSHandler(handler);
        admission.setMaxRequestCount(options.threads());
        admission.setMaxSuspendedRequestCount(options.queue());
        admission.setMaxSuspend(options.idleTimeout());
        admission.setRejectStatusCode(TransportError.SERVICE_UNAVAILABLE.httpStatus());
        return admission;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, connector.getLocalPort());
    }

    /** The listening connector, for tests that look at the accepted connections. */
    ServerConnector connector() {
        return connector;
    }

    /** {@code http://host:port}. */
    public URI uri() {
        String text = host.getHostAddress();
        return URI.create("http://" + (text.contains(":") ? "[" + text + "]" : text) + ":" + connector.getLocalPort());
    }

    /**
     * Graceful stop: every request already received (its head read) finishes, for at most {@code grace}, while
     * requests arriving meanwhile are answered 503; then the listener and every connection close. Idempotent; the
     * engine stays open.
     *
     * @return whether every in-flight request finished within {@code grace}
     */
    public boolean stop(Duration grace) {
        if (stopped.getAndIncrement() > 0) {
            return true;
        }
        boolean drained = drain(grace);
        stopQuietly(server);
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

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the HTTP server did not stop cleanly", e);
        }
    }
}
