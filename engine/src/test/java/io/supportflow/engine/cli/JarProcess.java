package io.supportflow.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code java -jar target/supportflow.jar ...} as a child process; its output lines are collected as they come, so
 * a test waits for a line (bounded), never for a fixed time.
 */
final class JarProcess implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    final Process process;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread errReader;

    private JarProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), stdout::add, "stdout");
        this.errReader = pump(process.getErrorStream(), line -> {
            synchronized (stderr) {
                stderr.append(line).append('\n');
            }
        }, "stderr");
    }

    /** The shaded jar the build made (the failsafe property {@code supportflow.jar}, else target/). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("supportflow.jar", "target/supportflow.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the package phase first");
        }
        return jar;
    }

    static JarProcess start(Path workingDirectory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(command).directory(workingDirectory.toFile()).start());
    }

    /** The first stdout line (after those already consumed) matching {@code wanted}, waiting at most {@code limit}. */
    String awaitLine(Predicate<String> wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String line = stdout.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(EOF)) {
                throw new AssertionError("no such line within " + limit + "; stdout so far: " + seen + "; stderr: "
                        + stderr());
            }
            seen.add(line);
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /** Waits for the exit (at most {@code limit}) and returns its code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + limit + "; stderr: " + stderr());
        }
        errReader.join(limit.toMillis());
        return process.exitValue();
    }

    /** Every stdout line to the end of the stream (waiting at most 30 s for it), including those awaited. */
    String stdout() throws InterruptedException {
        while (true) {
            String line = stdout.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("stdout did not end; so far: " + seen);
            }
            if (line.equals(EOF)) {
                stdout.add(EOF);
                return String.join("\n", seen);
            }
            seen.add(line);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    private static Thread pump(InputStream stream, java.util.function.Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException closedByClose) {
                // close() killed the process and closed its streams: the output ends here
            } finally {
                if (name.equals("stdout")) {
                    sink.accept(EOF);
                }
            }
        }, "jar-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
