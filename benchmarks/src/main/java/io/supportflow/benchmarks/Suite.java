package io.supportflow.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** The whole suite: every figure of the issue beside its baseline from the same run. */
final class Suite {
    private final Settings settings;
    private final JmhRuns jmh;

    Suite(Settings settings) {
        this.settings = settings;
        this.jmh = new JmhRuns(settings);
    }

    /** Runs everything, in order, and returns the table. */
    Report run() {
        List<Row> rows = new ArrayList<>();
        JmhRuns.Latency raw = jmh.latency(Baselines.class, "rawMapDbCommit");
        rows.add(Row.alone(1, "raw MapDB put+commit, one client, commands/s", Figure.perSecond(raw.perSecond())));
        rows.add(Row.alone(1, "raw MapDB put+commit, p50", Figure.micros(raw.p50Micros())));
        for (int clients : settings.clients()) {
            rows.add(Row.alone(2, "naive Spring per entity, " + clients + " clients",
                    Figure.perSecond(jmh.throughput(Baselines.class, "naiveSpringPerEntity", clients))));
        }
        rows.add(Row.alone(3, "bare Spring in memory",
                Figure.perSecond(jmh.throughput(Baselines.class, "bareSpringInMemory", 1))));
        return new Report(settings, rows, List.of());
    }
}
