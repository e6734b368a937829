package io.supportflow.engine.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Several {@code supportflow.jar serve} child processes with the same arguments (each on a free port); one can be
 * SIGKILLed ({@link Process#destroyForcibly()}) and started again. Thread-safe: clients read the URIs of the
 * processes that are up while another thread kills and restarts one.
 */
final class ServeProcesses implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path directory;
    private final String[] args;
    private final JarProcess[] processes;
    private final URI[] uris;
    private int kills;

    ServeProcesses(Path directory, int count, String... args) {
        this.directory = directory;
        this.args = args.clone();
        this.processes = new JarProcess[count];
        this.uris = new URI[count];
    }

    /** Starts every process and waits until each serves. */
    void startAll() throws IOException, InterruptedException {
        List<JarProcess> started = new ArrayList<>();
        for (int i = 0; i < processes.length; i++) {
            started.add(JarProcess.start(directory, args));
        }
        for (int i = 0; i < processes.length; i++) {
            up(i, started.get(i));
        }
    }

    /** The URI of a random process that is up (null when none is). */
    synchronized URI anyUp() {
        List<URI> up = new ArrayList<>();
        for (URI uri : uris) {
            if (uri != null) {
                up.add(uri);
            }
        }
        return up.isEmpty() ? null : up.get(ThreadLocalRandom.current().nextInt(up.size()));
    }

    /** SIGKILLs a random process, waits for it to be gone, starts it again and waits until it serves. */
    void killOneAndRestart() throws IOException, InterruptedException {
        int victim = ThreadLocalRandom.current().nextInt(processes.length);
        JarProcess dying;
        synchronized (this) {
            dying = processes[victim];
            uris[victim] = null;
            kills++;
        }
        dying.process.destroyForcibly();
        if (!dying.process.waitFor(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process " + victim + " still alive " + START_LIMIT + " after SIGKILL");
        }
        up(victim, JarProcess.start(directory, args));
    }

    synchronized int kills() {
        return kills;
    }

    private void up(int index, JarProcess process) throws InterruptedException {
        synchronized (this) {
            processes[index] = process;
        }
        String line = process.awaitLine(l -> l.startsWith(ServeCommand.READY), START_LIMIT);
        URI uri = URI.create(line.substring(ServeCommand.READY.length()).split(" ", 2)[0]);
        synchronized (this) {
            uris[index] = uri;
        }
    }

    @Override
    public void close() {
        killAll();
    }

    /** SIGKILLs every process (idempotent). */
    synchronized void killAll() {
        for (JarProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
    }
}
