package io.supportflow.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (<a href="https://github.com/wg/wrk">github.com/wg/wrk</a>), the HTTP load generator, run as a child process
 * with the {@code order-cycle.lua} script: one wrk thread per connection, each walking its own orders through
 * {@link OrderCycle} over the REST binding. wrk is taken from the PATH; when it is missing and this runs as root on
 * Debian (as CI does), the Debian package {@code wrk} is installed with apt-get, otherwise the run fails saying how
 * to get it.
 */
final class Wrk {
    private static final String SCRIPT = "order-cycle.lua";
    private static final Pattern DONE = Pattern.compile("^supportflow-wrk responses (\\d+) unexpected (\\d+) errors"
            + " (\\d+) p99us (\\d+) seconds ([0-9.]+) first (.*)$", Pattern.MULTILINE);
    private static final String HOW = "wrk (the HTTP load generator) is not on the PATH: install it (Debian/Ubuntu:"
            + " apt-get install -y wrk; elsewhere https://github.com/wg/wrk); the suite installs it itself when run"
            + " as root with apt-get";

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /**
     * wrk from the PATH, installed first when missing (root with apt-get only).
     *
     * @throws IllegalStateException saying how to get wrk when it is missing and cannot be installed here
     */
    static Wrk onPath() {
        Path found = find();
        if (found != null) {
            return new Wrk(found);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException(HOW);
        }
        System.err.println("[suite] wrk is not on the PATH: installing the Debian package wrk");
        run(List.of("apt-get", "update", "-qq"), HOW);
        run(List.of("apt-get", "install", "-y", "-qq", "wrk"), HOW);
        found = find();
        if (found == null) {
            throw new IllegalStateException(HOW + " (apt-get install wrk ran, but wrk is still not on the PATH)");
        }
        return new Wrk(found);
    }

    /**
     * Drives the order cycle on the REST binding at {@code server} with {@code connections} connections (one per wrk
     * thread) for {@code seconds}, order ids labelled {@code label} (each run on one server needs its own label).
     *
     * @throws IllegalStateException when wrk fails, or when any response had another status than its step's
     *                               (a refusal, a 503, …) or wrk met a connect, read, write or timeout error: a
     *                               figure of errors is no figure
     */
    Result run(URI server, int connections, int seconds, String label) {
        Objects.requireNonNull(server, "server");
        Path script = script();
        try {
            String output = run(List.of(executable.toString(), "-t", Integer.toString(connections), "-c",
                    Integer.toString(connections), "-d", seconds + "s", "--timeout", "30s", "--latency", "-s",
                    script.toString(), server.toString(), "--", label), "wrk failed");
            System.err.print(output.indent(2));
            return Result.parse(output);
        } finally {
            delete(script);
        }
    }

    /**
     * One wrk run's figures.
     *
     * @param responses responses received in the run, every one with its step's status (none when every request
     *                  took longer than the run, as the first ones of a cold server may)
     * @param seconds   the run's length as wrk measured it
     * @param p99Micros 99th percentile of the request latencies (wrk's {@code --latency} histogram)
     */
    record Result(long responses, double seconds, double p99Micros) {

        /** Responses (each one command) per second. */
        double perSecond() {
            return responses / seconds;
        }

        static Result parse(String output) {
            Matcher done = DONE.matcher(output);
            if (!done.find()) {
                throw new IllegalStateException("wrk printed no supportflow-wrk line (did the script run?):\n"
                        + output);
            }
            long unexpected = Long.parseLong(done.group(2));
            long errors = Long.parseLong(done.group(3));
            if (unexpected != 0 || errors != 0) {
                throw new IllegalStateException("wrk run failed: " + unexpected + " responses with an unexpected"
                        + " status (first: " + done.group(6) + "), " + errors + " connect/read/write/timeout errors:\n"
                        + output);
            }
            return new Result(Long.parseLong(done.group(1)), Double.parseDouble(done.group(5)),
                    Double.parseDouble(done.group(4)));
        }
    }

    private static Path find() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "wrk"))) {
                return Path.of(directory, "wrk");
            }
        }
        return null;
    }

    /** The script resource, copied to a temporary file for wrk to read. */
    private static Path script() {
        try (InputStream in = Wrk.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCRIPT + " is missing from the benchmarks jar");
            }
            Path file = Files.createTempFile("supportflow-wrk-", ".lua");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code line} to its end (wrk ends after its duration) and returns its output, standard output and error;
     * fails with {@code failure} unless it exits 0.
     */
    private static String run(List<String> line, String failure) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(line)).redirectErrorStream(true);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            int exit = process.waitFor();
            String text = new String(output, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException(failure + ": " + String.join(" ", line) + " exited " + exit + ":\n"
                        + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(failure + ": " + String.join(" ", line), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", line), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
