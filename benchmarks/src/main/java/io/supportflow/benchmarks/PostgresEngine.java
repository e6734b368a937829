package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;
import io.supportflow.postgres.PostgresServer;
import io.supportflow.spec.model.Command;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The engine on the PostgreSQL store, in a new database of the JVM's throwaway PostgreSQL 15 server (fsync on, the
 * server's defaults otherwise): default engine settings. Every command returns only after its transaction committed.
 * Shared by all client threads.
 */
@State(Scope.Benchmark)
public class PostgresEngine {
    private SupportEngine engine;

    @Setup(Level.Trial)
    public void open() {
        engine = SupportEngine.builder().store(Stores.openPostgres(PostgresServer.shared().newDatabase())).build();
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    void execute(Command command) {
        engine.execute(command);
    }
}
