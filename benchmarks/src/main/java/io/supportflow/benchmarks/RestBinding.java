package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.rest.RestOptions;
import io.supportflow.engine.rest.RestServer;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The REST binding with default options on a free loopback port, over an in-memory engine holding one open
 * session ({@link #ORDER}), so that an HTTP benchmark measures the server and the connection, not the disk.
 */
@State(Scope.Benchmark)
public class RestBinding {
    static final String ORDER = "order-http-1";

    private SupportEngine engine;
    private RestServer server;

    @Setup(Level.Trial)
    public void start() throws IOException {
        engine = SupportEngine.builder().store(Stores.inMemory()).build();
        engine.open(ORDER, Support.forOrder(ORDER), Actor.CUSTOMER);
        server = RestServer.start(engine, RestOptions.defaults().withPort(0));
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
        engine.close();
    }

    InetSocketAddress address() {
        return server.address();
    }
}
