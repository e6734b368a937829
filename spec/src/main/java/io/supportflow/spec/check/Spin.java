package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a lifecycle definition with SPIN, the model checker (<a href="https://spinroot.com">spinroot.com</a>), on
 * the model {@link Promela} writes. Runs the {@code spin} and {@code gcc} commands found on the PATH in a temporary
 * directory (deleted afterwards); the model is compiled once and searched exhaustively ({@code pan -c0}); one trail
 * per breach is replayed ({@code pan -r}) and read back as a trace of commands.
 *
 * <p>Thread-safe: each call works in its own directory.
 */
public final class Spin {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final Pattern BREACH = Pattern.compile("^breach (\\d+)$");
    private static final Pattern TRAIL = Pattern.compile("^pan: wrote model\\.pml(\\d+)\\.trail");
    private static final Pattern OTHER_ERROR = Pattern.compile("^pan:\\d+: (?!assertion violated\\s+!\\(t_live\\))(.*)");
    private static final Pattern STORED = Pattern.compile("^\\s*(\\d+) states, stored");
    private static final Pattern REACHED = Pattern.compile("^\\s*reached (\\d+)$");
    private static final Pattern STEP = Pattern.compile("^step (\\d+) (\\d+) (\\d+)$");

    private Spin() {
    }

    /** Whether {@code spin} and {@code gcc} can be run. */
    public static boolean available() {
        try {
            return run(Path.of("."), List.of("spin", "-V")).startsWith("Spin Version")
                    && run(Path.of("."), List.of("gcc", "--version")).contains("gcc");
        } catch (SpinException e) {
            return false;
        }
    }

    /** What to do when SPIN is missing. */
    public static String howToInstall() {
        return "SPIN (the spin command) and gcc are needed: on Debian or Ubuntu 'apt-get install spin gcc' "
                + "(mvn -B verify installs spin itself when run as root with apt-get); elsewhere see "
                + "https://spinroot.com/spin/Man/README.html";
    }

    /**
     * Checks {@code definition} within {@code bounds}.
     *
     * @throws SpinException when spin or gcc is missing or fails, or the search was not complete
     */
    public static SpinReport check(Lifecycle definition, Bounds bounds) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(bounds, "bounds");
        long start = System.nanoTime();
        Path dir = temporaryDirectory();
        try {
            List<String> states = definition.states();
            Search main = search(dir, Promela.model(definition, bounds), states);
            Stepper stepper = new Stepper(definition, bounds);
            List<Violation> violations = new ArrayList<>();
            List<String> breaches = new ArrayList<>();
            main.read(stepper, definition, violations, breaches);
            List<String> unreachable = definition.states().stream()
                    .filter(s -> !s.equals(definition.initialState()) && !main.reached.contains(s)).toList();
            unreachable.forEach(s -> {
                breaches.add("P7 unreachable " + s);
                violations.add(new Violation("P7", "state " + s + " is never reached", List.of()));
            });
            violations.sort(Comparator.comparing(Violation::property).thenComparing(Violation::description));
            return new SpinReport(definition.name(), bounds.render(definition), violations,
                    breaches.stream().sorted().toList(), unreachable, main.stored,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            delete(dir);
        }
    }

    /** One compiled model, searched: its output, and the trails it wrote. */
    private static final class Search {
        private final Path dir;
        private final PromelaModel model;
        private final Map<Integer, Integer> errors = new LinkedHashMap<>();
        private final TreeSet<String> reached = new TreeSet<>();
        private long stored = -1;

        Search(Path dir, PromelaModel model) {
            this.dir = dir;
            this.model = model;
        }

        void parse(String output, List<String> states) {
            Integer pending = null;
            for (String line : output.lines().toList()) {
                Matcher m;
                if ((m = BREACH.matcher(line)).find()) {
                    pending = Integer.parseInt(m.group(1));
                } else if ((m = TRAIL.matcher(line)).find()) {
                    if (pending == null) {
                        throw new SpinException("pan wrote a trail for no breach of the model:\n" + output);
                    }
                    errors.put(Integer.parseInt(m.group(1)), pending);
                    pending = null;
                } else if ((m = OTHER_ERROR.matcher(line)).find()) {
                    throw new SpinException("pan reported an error the model does not make: " + m.group(1));
                } else if ((m = STORED.matcher(line)).find()) {
                    stored = Long.parseLong(m.group(1));
                } else if ((m = REACHED.matcher(line)).find()) {
                    reached.add(states.get(Integer.parseInt(m.group(1))));
                }
            }
            if (stored < 0 || output.contains("max search depth too small") || output.contains("Search not completed")) {
                throw new SpinException("the SPIN search was not complete:\n" + output);
            }
        }

        void read(Stepper stepper, Lifecycle definition, List<Violation> violations, List<String> breaches) {
            errors.forEach((error, key) -> {
                Problem p = model.problem(key);
                breaches.add(p.key());
                violations.add(new Violation(p.property(), p.description(), trail(error, stepper, definition)));
            });
        }

        private List<TraceStep> trail(int error, Stepper stepper, Lifecycle definition) {
            String replay = run(dir, List.of("./pan", "-r", "model.pml" + error + ".trail"));
            List<TraceStep> steps = new ArrayList<>();
            for (String line : replay.lines().toList()) {
                Matcher m = STEP.matcher(line);
                if (m.find()) {
                    steps.add(new TraceStep.Run(stepper.command(Integer.parseInt(m.group(2)),
                            ProductSearch.orderId(Integer.parseInt(m.group(1)))),
                            definition.states().get(Integer.parseInt(m.group(3)))));
                } else if (line.equals("wait")) {
                    steps.add(new TraceStep.Wait(stepper.windowStep()));
                }
            }
            return steps;
        }
    }

    private static Search search(Path dir, PromelaModel model, List<String> states) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("model.pml"), model.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(dir, List.of("spin", "-a", "model.pml"));
        run(dir, List.of("gcc", "-O0", "-w", "-DSAFETY", "-DNOREDUCE", "-o", "pan", "pan.c"));
        String output = run(dir, List.of("./pan", "-E", "-c0", "-e", "-m1000000", "-w20"));
        Search search = new Search(dir, model);
        search.parse(output, states);
        return search;
    }

    private static String run(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpinException(String.join(" ", command) + " took longer than " + LIMIT);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && !command.get(0).equals("./pan")) {
                throw new SpinException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new SpinException("cannot run " + command.get(0) + " (" + e.getMessage() + "). " + howToInstall());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpinException("interrupted while running " + command.get(0));
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("supportflow-spin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
