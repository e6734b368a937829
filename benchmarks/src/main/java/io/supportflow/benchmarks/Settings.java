package io.supportflow.benchmarks;

import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.List;

/**
 * How much the suite measures.
 *
 * @param label                 "full" or "smoke", printed with the table
 * @param forks                 JMH forks per benchmark (0 runs in this JVM)
 * @param warmupIterations      JMH warm-up iterations per fork
 * @param measurementIterations JMH measured iterations per fork
 * @param iterationTime         length of each JMH iteration
 * @param clients               concurrent client counts for the durable throughput comparison
 * @param fewSessions           sessions in the store for the first heap reading
 * @param manySessions          sessions in the store for the second heap reading and the store figures
 * @param fillClients           concurrent clients opening those sessions through the engine
 * @param checkerRepeats        warm model-checker runs after the cold one
 * @param processWarmUpMillis   how long the engine processes on one PostgreSQL database warm up
 * @param processMillis         how long they are then measured
 * @param restWarmUpSeconds     how long wrk drives the REST binding before the measured run
 * @param restSeconds           how long the measured wrk run lasts
 * @param verbosity             JMH's console output
 */
record Settings(String label, int forks, int warmupIterations, int measurementIterations, TimeValue iterationTime,
                List<Integer> clients, int fewSessions, int manySessions, int fillClients, int checkerRepeats,
                long processWarmUpMillis, long processMillis, int restWarmUpSeconds, int restSeconds,
                VerboseMode verbosity) {

    Settings {
        clients = List.copyOf(clients);
    }

    /**
     * The measured run: 1 fork, 30 × 2 s warm-up, 5 × 2 s measured; 10,000 and 1,000,000 sessions; wrk 60 s warm-up,
     * 20 s measured. A minute of warm-up (for JMH and for the REST server alike) because the engine's JIT warm-up
     * (Spring, Reactor, MapDB and the engine's own code compiled on 2 shared cores) takes 40–50 s with 64 clients:
     * with less, its measured iterations still climb monotonically (an error bar as large as the score), and the
     * baselines warm up faster, so a short warm-up is not a fair comparison either.
     */
    static Settings full() {
        return new Settings("full", 1, 30, 5, TimeValue.seconds(2), List.of(1, 8, 64), 10_000, 1_000_000, 64, 5,
                40_000, 20_000, 60, 20, VerboseMode.NORMAL);
    }

    /**
     * A pass that only proves everything still runs: in this JVM, one 100 ms iteration, 100 and 1,000 sessions, wrk
     * 3 s warm-up (a cold server answers its first requests after about a second) + 2 s measured.
     */
    static Settings smoke() {
        return new Settings("smoke", 0, 0, 1, TimeValue.milliseconds(100), List.of(1, 8, 64), 100, 1_000, 64, 1,
                0, 500, 3, 2, VerboseMode.SILENT);
    }
}
