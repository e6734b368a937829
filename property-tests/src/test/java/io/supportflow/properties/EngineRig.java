package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.TransitionListener;
import io.supportflow.persistence.Stores;
import io.supportflow.postgres.PostgresServer;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An engine with manual scheduling on a MapDB store in its own temporary directory, or on a fresh database of the
 * tests' PostgreSQL server, driven by a {@link TestClock}. {@link #restart()} closes the engine and its store and
 * opens both again from the directory or database.
 */
final class EngineRig implements AutoCloseable {
    private final Lifecycle lifecycle;
    private final Path directory;
    private final String postgresUrl;
    private final TestClock clock;
    private final TransitionListener listener;
    private SupportEngine engine;

    private EngineRig(Lifecycle lifecycle, Path directory, String postgresUrl, TestClock clock,
                      TransitionListener listener) {
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.postgresUrl = postgresUrl;
        this.clock = clock;
        this.listener = listener;
        this.engine = open();
    }

    /** A fresh engine of {@code lifecycle} on an empty directory; {@code listener} receives delivered transitions. */
    static EngineRig start(Lifecycle lifecycle, TestClock clock, TransitionListener listener) {
        try {
            return new EngineRig(lifecycle, Files.createTempDirectory("supportflow-props-"), null, clock, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #start} on a new, empty PostgreSQL database of the tests' server. */
    static EngineRig onPostgres(Lifecycle lifecycle, TestClock clock, TransitionListener listener) {
        return new EngineRig(lifecycle, null, PostgresServer.shared().newDatabase(), clock, listener);
    }

    SupportEngine engine() {
        return engine;
    }

    /** Closes the engine and its store, then opens both again from the directory. */
    void restart() {
        engine.close();
        engine = open();
    }

    private SupportEngine open() {
        SupportEngine.Builder builder = SupportEngine.builder().lifecycle(lifecycle).clock(clock).listener(listener)
                .machinePoolSize(2).manualScheduling();
        return (postgresUrl == null ? builder.dataDirectory(directory) : builder.store(Stores.openPostgres(postgresUrl)))
                .build();
    }

    /** Closes the engine and deletes the directory (a database stays until the server stops). */
    @Override
    public void close() {
        engine.close();
        if (directory != null) {
            deleteRecursively(directory);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
