package io.supportflow.engine.audit;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A manual measurement for the README, not run by the build: a store of N sessions (default 100,000; each opened
 * with an agent, updated and closed, agents a1..a10), then one {@link StoreAudit#run} over it, timed.
 * Run: {@code java -cp <test classpath> io.supportflow.engine.audit.AuditMeasurement [sessions] [directory]}.
 */
public final class AuditMeasurement {
    private static final int BATCH = 1000;

    private AuditMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("audit");
        try (SupportStore store = Stores.openMapDb(directory)) {
            long start = System.nanoTime();
            for (int first = 0; first < sessions; first += BATCH) {
                List<List<Commit>> histories = new ArrayList<>();
                for (int o = first; o < Math.min(sessions, first + BATCH); o++) {
                    histories.add(StoredHistories.served("o" + o, "a" + (1 + o % 10)));
                }
                for (int step = 0; step < 3; step++) {
                    int s = step;
                    store.commitAll(histories.stream().map(h -> h.get(s)).toList());
                }
            }
            System.out.printf("stored %d sessions in %.1f s%n", store.sessionCount(), (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            AuditReport report = StoreAudit.run(store, Lifecycle.standard(),
                    done -> System.err.println("audit: " + done + " sessions"));
            System.out.printf("audited %d sessions in %.1f s: %s", report.sessions(), (System.nanoTime() - start) / 1e9,
                    report.render());
        }
    }
}
