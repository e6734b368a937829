package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.model.Command;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The engine with default settings on the in-memory store: everything but durability. */
@State(Scope.Benchmark)
public class MemoryEngine {
    private SupportEngine engine;

    @Setup(Level.Trial)
    public void open() {
        engine = SupportEngine.builder().store(Stores.inMemory()).build();
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    void execute(Command command) {
        engine.execute(command);
    }
}
