package io.supportflow.benchmarks;

import io.supportflow.spec.check.CheckReport;
import io.supportflow.spec.check.ModelChecker;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Item 6, measured without JMH: wall-clock time of {@link ModelChecker#check(Lifecycle)} with its default bounds.
 * The first call is timed in fresh child JVMs ({@code java -cp} the suite's own class path, no extra JVM options),
 * each running {@link #main} once, as a build or a test run meets it; later calls (warm) in this JVM.
 */
final class CheckerProbe {
    private static final String PREFIX = "first-call ";

    private CheckerProbe() {
    }

    /**
     * In a fresh JVM: obtains the definition (the standard lifecycle, or with arguments {@code states transitions}
     * a {@link GeneratedLifecycle}), then checks it once, timing each call, and prints one line
     * {@code first-call <definition ms> <check ms> <configurations> <violations>}. JVM start-up and class path
     * scanning before {@code main} are not counted.
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        Lifecycle definition = args.length == 0 ? Lifecycle.standard()
                : GeneratedLifecycle.of(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        long obtained = System.nanoTime();
        CheckReport report = ModelChecker.check(definition);
        long checked = System.nanoTime();
        System.out.println(String.format(Locale.ROOT, PREFIX + "%.3f %.3f %d %d", (obtained - start) / 1e6,
                (checked - obtained) / 1e6, report.configurations(), report.violations().size()));
    }

    /**
     * The standard lifecycle's first call, in {@code jvms} (at least 1) fresh JVMs one after another, then
     * {@code warmRepeats} (at least 1) warm checks here.
     */
    static Figures standard(int jvms, int warmRepeats) {
        return measure(Lifecycle.standard(), List.of(), jvms, warmRepeats);
    }

    /** As {@link #standard} for {@code GeneratedLifecycle.of(states, transitions)}. */
    static Figures generated(int states, int transitions, int jvms, int warmRepeats) {
        return measure(GeneratedLifecycle.of(states, transitions),
                List.of(Integer.toString(states), Integer.toString(transitions)), jvms, warmRepeats);
    }

    private static Figures measure(Lifecycle definition, List<String> args, int jvms, int warmRepeats) {
        double[] obtain = new double[Math.max(1, jvms)];
        double[] cold = new double[obtain.length];
        for (int i = 0; i < cold.length; i++) {
            String[] line = freshJvm(args).split(" ");
            obtain[i] = Double.parseDouble(line[1]);
            cold[i] = Double.parseDouble(line[2]);
        }
        CheckReport report = ModelChecker.check(definition);
        double[] warm = new double[Math.max(1, warmRepeats)];
        for (int i = 0; i < warm.length; i++) {
            long again = System.nanoTime();
            ModelChecker.check(definition);
            warm[i] = (System.nanoTime() - again) / 1e6;
        }
        return new Figures(cold, obtain, median(warm), report.violations().size(), report.configurations());
    }

    /** Runs {@link #main} in a child JVM and returns its result line. */
    private static String freshJvm(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), CheckerProbe.class.getName()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the checker's child JVM failed: " + output);
            }
            return output.lines().filter(l -> l.startsWith(PREFIX)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the checker's child JVM printed no result: "
                            + output));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the checker's first call", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the checker's child JVM", e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * @param coldMillis     the first check in each fresh JVM, in the order run
     * @param obtainMillis   obtaining the definition in each fresh JVM (its first use, validation included)
     * @param warmMillis     median of the later checks in this JVM
     * @param violations     violations the checker reported
     * @param configurations reachable configurations it explored
     */
    record Figures(double[] coldMillis, double[] obtainMillis, double warmMillis, int violations,
                   long configurations) {

        /** Median first check over the fresh JVMs. */
        double coldMedian() {
            return median(coldMillis);
        }

        /** Median of definition plus first check over the fresh JVMs. */
        double firstUseMedian() {
            double[] sum = new double[coldMillis.length];
            for (int i = 0; i < sum.length; i++) {
                sum[i] = coldMillis[i] + obtainMillis[i];
            }
            return median(sum);
        }

        /** Every fresh JVM's first check, e.g. {@code 61.2, 70.4, 58.9 ms}. */
        String coldRuns() {
            StringBuilder s = new StringBuilder();
            for (double c : coldMillis) {
                s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", c));
            }
            return s.append(" ms").toString();
        }
    }
}
