package io.supportflow.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.regex.Pattern;

/** Runs one JMH benchmark method at a time with the suite's settings and reads its figures. */
final class JmhRuns {
    private static final double MICROS_PER_SECOND = 1_000_000.0;
    private final Settings settings;

    JmhRuns(Settings settings) {
        this.settings = settings;
    }

    /** Operations per second summed over {@code threads} clients of a {@code Mode.Throughput} benchmark. */
    double throughput(Class<?> benchmarks, String method, int threads) {
        return run(benchmarks, method, threads).getScore();
    }

    /** The per-operation latency of a single-client {@code Mode.SampleTime} benchmark (in microseconds). */
    Latency latency(Class<?> benchmarks, String method) {
        Result<?> result = run(benchmarks, method, 1);
        return new Latency(MICROS_PER_SECOND / result.getScore(), result.getStatistics().getPercentile(50),
                result.getStatistics().getPercentile(99));
    }

    private Result<?> run(Class<?> benchmarks, String method, int threads) {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarks.getName() + "." + method) + "$")
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(settings.iterationTime())
                .measurementIterations(settings.measurementIterations())
                .measurementTime(settings.iterationTime())
                .threads(threads)
                .shouldFailOnError(true)
                .verbosity(settings.verbosity())
                .build();
        try {
            Collection<RunResult> results = new Runner(options).run();
            if (results.size() != 1) {
                throw new IllegalStateException(method + " produced " + results.size() + " results, expected 1");
            }
            return results.iterator().next().getPrimaryResult();
        } catch (RunnerException e) {
            throw new IllegalStateException("benchmark " + method + " failed", e);
        }
    }

    /**
     * One client's figures from sampled operation times.
     *
     * @param perSecond   operations per second: one over the mean sampled time (one client)
     * @param p50Micros   median operation time
     * @param p99Micros   99th percentile operation time
     */
    record Latency(double perSecond, double p50Micros, double p99Micros) {
    }
}
