package io.supportflow.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The REST binding as {@code serve} runs it, in a child JVM: {@code supportflow serve --port 0 --data DIR --queue N}
 * (durable MapDB store in a scratch directory, the standard lifecycle, default options but the request queue) on this
 * JVM's classpath. Closing it stops the server as Ctrl-C would (SIGTERM: in-flight requests finish, the store
 * closes), then deletes the store.
 */
final class ServeProcess implements AutoCloseable {
    private static final String CLI = "io.supportflow.engine.cli.Main";
    private static final String READY = "supportflow: serving ";
    private static final long STOP_SECONDS = 60;

    private final Process process;
    private final Path directory;
    private final URI uri;

    private ServeProcess(Process process, Path directory, URI uri) {
        this.process = process;
        this.directory = directory;
        this.uri = uri;
    }

    /**
     * Starts the server with room for {@code queue} requests waiting for a handler and returns once it accepts
     * requests.
     *
     * @throws IllegalStateException with the server's error output when it ends before it is ready
     */
    static ServeProcess start(int queue) {
        Path directory = ScratchDirectory.create("serve");
        Path log = directory.resolve("serve.log");
        Path data = directory.resolve("data");
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CLI, "serve", "--port", "0", "--data",
                    data.toString(), "--queue", Integer.toString(queue)).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(READY)) {
                    String address = line.substring(READY.length());
                    return new ServeProcess(process, directory, URI.create(address.substring(0, address.indexOf(' '))));
                }
            }
            process.destroyForcibly().waitFor();
            String errors = Files.readString(log);
            ScratchDirectory.delete(directory);
            throw new IllegalStateException("serve ended before it was ready:\n" + errors);
        } catch (IOException e) {
            ScratchDirectory.delete(directory);
            throw new UncheckedIOException("cannot start serve", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting serve", e);
        }
    }

    /** The server's base URI, {@code http://127.0.0.1:PORT}. */
    URI uri() {
        return uri;
    }

    /**
     * Stops the server gracefully and deletes its store.
     *
     * @throws IllegalStateException when it does not stop within a minute or exits other than 0
     */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("serve did not stop within " + STOP_SECONDS + " s of SIGTERM");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("serve exited " + process.exitValue() + " on SIGTERM:\n"
                        + Files.readString(directory.resolve("serve.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping serve", e);
        } finally {
            process.destroyForcibly();
            ScratchDirectory.delete(directory);
        }
    }
}
