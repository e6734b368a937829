package io.supportflow.persistence;

import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The process {@link CrashRecoveryIT} kills: commits random traffic to a file store until killed, printing
 * {@code ACK order version} after each commit returns and {@code DELIVERED order version} after each outbox
 * acknowledgement returns. Arguments: store directory, random seed, start instant.
 */
public final class CrashChild {
    static final List<String> ORDERS = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("o%02d", i)).toList();

    private CrashChild() {
    }

    public static void main(String[] args) {
        Random random = new Random(Long.parseLong(args[1]));
        Instant now = Instant.parse(args[2]);
        PrintStream out = System.out;
        try (SupportStore store = Stores.openMapDb(Path.of(args[0]))) {
            if (store.agents().isEmpty()) {
                Scenario.agentProfiles().forEach(store::putAgent);
            }
            out.println("READY");
            out.flush();
            StoreDriver driver = new StoreDriver(store);
            while (true) {
                now = now.plus(Duration.ofMinutes(random.nextInt(6)));
                for (Outcome fired : driver.fireDueTimers(now)) {
                    ack(out, fired);
                }
                switch (random.nextInt(10)) {
                    case 0 -> commitBatch(store, driver, random, now, out);
                    case 1 -> deliver(store, random, out);
                    default -> ack(out, driver.apply(Scenario.command(random, ORDERS), now));
                }
            }
        }
    }

    /** Several commands on different orders, decided on the current data and stored in one group commit. */
    private static void commitBatch(SupportStore store, StoreDriver driver, Random random, Instant now,
                                    PrintStream out) {
        List<Commit> commits = new ArrayList<>();
        for (String order : random.ints(4, 0, ORDERS.size()).distinct().mapToObj(ORDERS::get).toList()) {
            if (driver.decide(Scenario.command(random, List.of(order)), now) instanceof Outcome.Accepted a) {
                commits.add(Commit.of(a));
            }
        }
        List<StaleVersionException> results = store.commitAll(commits);
        for (int i = 0; i < commits.size(); i++) {
            if (results.get(i) == null) {
                print(out, "ACK", commits.get(i).session().orderId(), commits.get(i).session().version());
            }
        }
    }

    private static void deliver(SupportStore store, Random random, PrintStream out) {
        List<JournalEntry> pending = store.pendingOutbox(1 + random.nextInt(20));
        store.acknowledgeAll(pending.stream().map(SupportStore.EntryId::of).toList());
        pending.forEach(e -> print(out, "DELIVERED", e.orderId(), e.version()));
    }

    private static void ack(PrintStream out, Outcome outcome) {
        if (outcome instanceof Outcome.Accepted a) {
            print(out, "ACK", a.session().orderId(), a.session().version());
        }
    }

    private static void print(PrintStream out, String what, String order, long version) {
        out.println(what + " " + order + " " + version);
        out.flush();
    }
}
