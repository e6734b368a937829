package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.TransitionListener;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An engine with manual scheduling on a MapDB store in its own temporary directory, driven by a {@link TestClock}.
 * {@link #restart()} closes the engine and its store and opens both again from the directory.
 */
final class EngineRig implements AutoCloseable {
    private final Lifecycle lifecycle;
    private final Path directory;
    private final TestClock clock;
    private final TransitionListener listener;
    private SupportEngine engine;

    private EngineRig(Lifecycle lifecycle, Path directory, TestClock clock, TransitionListener listener) {
        this.lifecycle = lifecycle;
        this.directory = directory;
        this.clock = clock;
        this.listener = listener;
        this.engine = open();
    }

    /** A fresh engine of {@code lifecycle} on an empty directory; {@code listener} receives delivered transitions. */
    static EngineRig start(Lifecycle lifecycle, TestClock clock, TransitionListener listener) {
        try {
            return new EngineRig(lifecycle, Files.createTempDirectory("supportflow-props-"), clock, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return SupportEngine.builder().lifecycle(lifecycle).dataDirectory(directory).clock(clock)
                .listener(listener).machinePoolSize(2).manualScheduling().build();
    }

    /** Closes the engine and deletes the directory. */
    @Override
    public void close() {
        engine.close();
        deleteRecursively(directory);
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
