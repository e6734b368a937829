package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;
import io.supportflow.spec.model.Command;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;

/**
 * The engine as an application would run it, on the durable MapDB store in a scratch directory: default settings
 * (machine pool, background timer and outbox threads). Every command returns only after its commit is on disk.
 * Shared by all client threads.
 */
@State(Scope.Benchmark)
public class DurableEngine {
    private Path directory;
    private SupportEngine engine;

    @Setup(Level.Trial)
    public void open() {
        directory = ScratchDirectory.create("durable-engine");
        engine = SupportEngine.builder().store(Stores.openMapDb(directory)).build();
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
        ScratchDirectory.delete(directory);
    }

    void execute(Command command) {
        engine.execute(command);
    }
}
