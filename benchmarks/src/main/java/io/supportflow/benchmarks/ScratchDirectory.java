package io.supportflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Throw-away directories for stores under {@code java.io.tmpdir} (put that on the disk to measure with
 * {@code -Djava.io.tmpdir=...}; JMH's forked JVMs inherit it).
 */
final class ScratchDirectory {

    private ScratchDirectory() {
    }

    /** A new empty directory whose name starts with {@code supportflow-bench-} and {@code purpose}. */
    static Path create(String purpose) {
        try {
            return Files.createTempDirectory("supportflow-bench-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Total size in bytes of the regular files under {@code directory}. */
    static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(ScratchDirectory::sizeOf).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code directory} and everything in it; a missing directory is ignored. */
    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(ScratchDirectory::deleteOne);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
