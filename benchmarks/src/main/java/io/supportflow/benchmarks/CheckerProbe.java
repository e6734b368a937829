package io.supportflow.benchmarks;

import io.supportflow.spec.check.CheckReport;
import io.supportflow.spec.check.ModelChecker;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.Arrays;

/**
 * Item 6, measured without JMH: wall-clock time of {@link ModelChecker#check(Lifecycle)} with its default bounds,
 * the first call in the JVM for this definition (cold, as in a build or a test run) and the median of later calls
 * (warm).
 */
final class CheckerProbe {

    private CheckerProbe() {
    }

    /** Checks {@code definition} once cold, then {@code warmRepeats} more times (at least 1). */
    static Figures measure(Lifecycle definition, int warmRepeats) {
        long start = System.nanoTime();
        CheckReport report = ModelChecker.check(definition);
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[Math.max(1, warmRepeats)];
        for (int i = 0; i < warm.length; i++) {
            long again = System.nanoTime();
            ModelChecker.check(definition);
            warm[i] = (System.nanoTime() - again) / 1e6;
        }
        Arrays.sort(warm);
        return new Figures(cold, warm[warm.length / 2], report.violations().size(), report.configurations());
    }

    /**
     * @param coldMillis     the first check of the definition in this JVM
     * @param warmMillis     median of the later checks
     * @param violations     violations the checker reported
     * @param configurations reachable configurations it explored
     */
    record Figures(double coldMillis, double warmMillis, int violations, long configurations) {
    }
}
