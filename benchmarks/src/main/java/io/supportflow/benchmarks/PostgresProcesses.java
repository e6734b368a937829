package io.supportflow.benchmarks;

import io.supportflow.postgres.PostgresServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Several engine processes on one PostgreSQL database: starts {@code processes} child JVMs ({@link PostgresLoad}),
 * each with its own clients on orders of its own, lets them all start at once and, after the same warm-up, sums the
 * commands they completed in the same measured window.
 */
final class PostgresProcesses {

    private PostgresProcesses() {
    }

    /**
     * Commands per second over every process.
     *
     * @throws IllegalStateException naming the process and showing its error output when one fails
     */
    static double commandsPerSecond(int processes, int clientsEach, long warmUpMillis, long millis) {
        String url = PostgresServer.shared().newDatabase();
        Path logs = ScratchDirectory.create("postgres-processes");
        List<Child> children = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                Path log = logs.resolve("process-" + p + ".log");
                children.add(Child.start(url, p, clientsEach, warmUpMillis, millis, log));
            }
            for (Child child : children) {
                child.expect("ready");
            }
            for (Child child : children) {
                child.go();
            }
            long commands = 0;
            for (Child child : children) {
                commands += Long.parseLong(child.expect("commands ").substring("commands ".length()));
            }
            return commands * 1000.0 / millis;
        } finally {
            children.forEach(Child::stop);
            ScratchDirectory.delete(logs);
        }
    }

    private record Child(Process process, BufferedReader out, Writer in, Path log) {

        static Child start(String url, int index, int clients, long warmUpMillis, long millis, Path log) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), PostgresLoad.class.getName(), url,
                    Integer.toString(index), Integer.toString(clients), Long.toString(warmUpMillis),
                    Long.toString(millis))
                    .redirectError(log.toFile());
            try {
                Process process = builder.start();
                return new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)), new OutputStreamWriter(process.getOutputStream(),
                        StandardCharsets.UTF_8), log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start an engine process", e);
            }
        }

        /** The first line of standard output starting with {@code prefix}. */
        String expect(String prefix) {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                throw new IllegalStateException("engine process ended before printing '" + prefix.trim() + "': "
                        + Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void go() {
            try {
                in.write("go\n");
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("an engine process went away before it started", e);
            }
        }

        /** Waits for the process to close its engine and exit, then ends it in any case. */
        void stop() {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                process.destroyForcibly();
            }
        }
    }
}
