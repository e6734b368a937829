package io.supportflow.engine.cli;

import io.supportflow.engine.audit.AuditReport;
import io.supportflow.engine.audit.StoreAudit;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.postgres.PostgresServer;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.rules.RulesFile;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Three real {@code supportflow.jar serve --postgres} processes on one database serve one marketplace while one of
 * them is SIGKILLed at random moments and restarted: clients drive shared and separate orders through all three over
 * REST, events go to a webhook receiver, idle sessions are closed by their timers (a 2 s idle timeout, whose chain
 * ASSIGNED → OPEN → IDLE → CLOSED arms a fresh deadline at each step). Once the traffic stops and the processes have
 * fired every timer and delivered every event, it checks: no answer but 2xx or an expected refusal (P8: a lost race is
 * never a client's error); every acknowledged command in the journal at its version; P1–P5 on every order and
 * capacity at the end ({@link StoreAudit}: journals of consecutive versions among them); capacity never above its
 * limit while the traffic ran (sampled in the database); each armed idle deadline fired once, never before it was
 * due; every event delivered at least once, per order in version order (P3, P4, P5, P6, P8).
 */
class ThreeServeProcessesIT {
    private static final int PROCESSES = 3;
    private static final int CLIENTS = 3;
    private static final int KILLS = 6;
    private static final int CAPACITY = 2;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** The standard lifecycle with an IDLE step before an idle session closes, a 2 s idle timeout and capacity 2. */
    static final String RULES = """
            lifecycle multi-process
            initial NONE
            state OPEN
            agent state ASSIGNED
            state IDLE
            final state CLOSED
            transition NONE --open--> OPEN when noAgentGiven do open
            transition NONE --open--> ASSIGNED when agentGiven & agentAvailable & withinCapacity & ratingMet do open, assign
            reopen CLOSED --open--> OPEN when noAgentGiven & reopenAllowed do open
            reopen CLOSED --open--> ASSIGNED when agentGiven & reopenAllowed & agentAvailable & withinCapacity & ratingMet do open, assign
            transition OPEN --update--> OPEN do update
            transition ASSIGNED --update--> ASSIGNED do update
            transition IDLE --update--> OPEN do update
            transition OPEN --assign--> ASSIGNED when agentAvailable & withinCapacity & ratingMet do assign
            transition IDLE --assign--> ASSIGNED when agentAvailable & withinCapacity & ratingMet do assign
            transition ASSIGNED --assign--> ASSIGNED when sameAgent do updateAgent
            transition ASSIGNED --assign--> ASSIGNED when otherAgent & agentAvailable & withinCapacity & ratingMet do assign
            transition ASSIGNED --unassign--> OPEN do release
            transition OPEN --close--> CLOSED
            transition IDLE --close--> CLOSED
            transition ASSIGNED --close--> CLOSED do release
            transition ASSIGNED --idleTimeout--> OPEN do release
            transition OPEN --idleTimeout--> IDLE
            transition IDLE --idleTimeout--> CLOSED
            ignore CLOSED close
            ignore OPEN unassign
            ignore IDLE unassign
            ignore CLOSED unassign
            policy reopen always
            policy idle-timeout PT2S
            policy capacity 2
            """;

    @TempDir
    Path dir;

    @Test
    void threeProcessesOnOneDatabaseKeepEveryPropertyWhileOneIsKilledAtRandomAndRestarted() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("ThreeServeProcessesIT seed " + seed);
        Random random = new Random(seed);
        String url = PostgresServer.shared().newDatabase();
        Path rules = Files.writeString(dir.resolve("multi-process.rules"), RULES);
        Lifecycle definition = RulesFile.parse(RULES);
        try (EventReceiver receiver = EventReceiver.start();
             ServeProcesses processes = new ServeProcesses(dir, PROCESSES, "serve", "--port", "0", "--postgres", url,
                     "--rules", rules.toString(), "--webhook", receiver.uri().toString(), "--lease", "2s");
             SupportStore store = Stores.openPostgres(url)) {
            processes.startAll();
            Traffic traffic = new Traffic(processes);
            List<String> overCapacity = new ArrayList<>();
            run(traffic, processes, store, overCapacity, random);

            awaitUntil(() -> store.nextDeadline().isEmpty() && store.pendingOutbox(1).isEmpty(), () -> "the "
                    + "processes did not settle: next armed idle deadline " + store.nextDeadline().orElse(null)
                    + " (none expected once every idle session has closed); events still not delivered: "
                    + store.pendingOutbox(20).stream().map(e -> e.orderId() + " v" + e.version()).toList());
            processes.killAll();

            Map<String, List<JournalEntry>> journals = journals(store, definition);
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(processes.kills()).as("processes SIGKILLed").isGreaterThanOrEqualTo(5);
            softly.assertThat(traffic.unexpected()).as("answers neither 2xx nor an expected refusal").isEmpty();
            softly.assertThat(missingAcknowledged(traffic.acks(), journals)).as("acknowledged commands not in "
                    + "the journal at their version").isEmpty();
            AuditReport audit = StoreAudit.run(store, definition, n -> { });
            softly.assertThat(audit.findings()).as("P1-P5 audit of every order").isEmpty();
            softly.assertThat(overCapacity).as("agent loads above capacity %s seen while serving", CAPACITY)
                    .isEmpty();
            List<String> early = new ArrayList<>();
            int timeouts = timeouts(definition, journals, early);
            softly.assertThat(early).as("idle timeouts with no armed deadline due before them (a double fire)")
                    .isEmpty();
            softly.assertThat(timeouts).as("idle timeouts fired").isGreaterThan(10);
            List<EventReceiver.Delivery> received = receiver.received();
            softly.assertThat(undelivered(journals, received)).as("journal entries never delivered").isEmpty();
            softly.assertThat(outOfOrder(journals, received)).as("deliveries before their predecessor, or of "
                    + "another event").isEmpty();
            System.out.printf("ThreeServeProcessesIT: %d kills, %d acknowledged commands, %d outcomes unknown, "
                            + "%d orders, %d journal entries, %d idle timeouts, %d deliveries%n", processes.kills(),
                    traffic.ackCount(), traffic.unknownOutcomes(), journals.size(),
                    journals.values().stream().mapToInt(List::size).sum(), timeouts, received.size());
            softly.assertAll();
        }
    }

    /** Clients and the capacity sampler run while one process is killed and restarted {@value #KILLS} times. */
    private static void run(Traffic traffic, ServeProcesses processes, SupportStore store, List<String> overCapacity,
                            Random random) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS + 1);
        AtomicBoolean sampling = new AtomicBoolean(true);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                long clientSeed = random.nextLong();
                threads.submit(() -> traffic.client(client, clientSeed));
            }
            threads.submit(() -> sampleLoads(store, sampling, overCapacity));
            for (int kill = 0; kill < KILLS; kill++) {
                int target = traffic.ackCount() + 20 + random.nextInt(80);
                awaitUntil(() -> traffic.ackCount() >= target, () -> "clients stalled at " + traffic.ackCount()
                        + " acknowledgements (waiting for " + target + "); unexpected: " + traffic.unexpected());
                processes.killOneAndRestart();
            }
        } finally {
            traffic.stop();
            sampling.set(false);
            threads.shutdown();
            if (!threads.awaitTermination(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("clients did not stop within " + LIMIT);
            }
        }
    }

    /** Reads every agent's ACTIVE assignments in the database, over and over, and records each above capacity. */
    private static void sampleLoads(SupportStore store, AtomicBoolean sampling, List<String> overCapacity) {
        while (sampling.get()) {
            for (String agent : Traffic.AGENTS) {
                int load = store.agentLoad(agent);
                if (load > CAPACITY) {
                    synchronized (overCapacity) {
                        overCapacity.add(agent + " held " + load + " at " + Instant.now());
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a sampling rate, not a synchronisation
        }
    }

    private static Map<String, List<JournalEntry>> journals(SupportStore store, Lifecycle definition) {
        Map<String, List<JournalEntry>> journals = new TreeMap<>();
        for (String state : definition.states()) {
            store.ordersInState(state).forEach(order -> journals.put(order, store.journal(order)));
        }
        return journals;
    }

    /** Each acknowledged command whose journal entry at the answered version is absent or another command's. */
    private static List<String> missingAcknowledged(List<Traffic.Ack> acks, Map<String, List<JournalEntry>> journals) {
        List<String> missing = new ArrayList<>();
        for (Traffic.Ack ack : acks) {
            List<JournalEntry> journal = journals.getOrDefault(ack.orderId(), List.of());
            JournalEntry entry = ack.version() >= 1 && ack.version() <= journal.size()
                    ? journal.get((int) ack.version() - 1) : null;
            if (entry == null || !entry.to().equals(ack.state())
                    || (ack.expectedEvent() != null && !entry.event().equals(ack.expectedEvent()))
                    || (ack.descriptorName() != null && (entry.body() == null || entry.body().descriptor() == null
                    || !ack.descriptorName().equals(entry.body().descriptor().name())))
                    || (ack.agentId() != null && (entry.agent() == null || !ack.agentId().equals(entry.agent().id())))) {
                missing.add(ack + " but the journal has " + (entry == null ? "no such version (" + journal.size()
                        + " entries)" : entry.event() + " " + entry.from() + "->" + entry.to()));
            }
        }
        return missing;
    }

    /**
     * Counts the idle timeouts and records each that fired with no deadline armed by the entry before it, or before
     * that deadline: one deadline fired twice shows as a timeout ahead of the deadline the first fire armed.
     */
    private static int timeouts(Lifecycle definition, Map<String, List<JournalEntry>> journals, List<String> early) {
        int timeouts = 0;
        for (List<JournalEntry> journal : journals.values()) {
            for (int i = 0; i < journal.size(); i++) {
                JournalEntry entry = journal.get(i);
                if (!entry.event().equals("idleTimeout")) {
                    continue;
                }
                timeouts++;
                Instant armed = i == 0 ? null
                        : Semantics.replay(definition, journal.subList(0, i)).session().idleDeadline();
                if (armed == null || entry.at().isBefore(armed)) {
                    early.add(entry.orderId() + " v" + entry.version() + " at " + entry.at() + ", deadline armed "
                            + armed);
                }
            }
        }
        return timeouts;
    }

    private static List<String> undelivered(Map<String, List<JournalEntry>> journals,
                                            List<EventReceiver.Delivery> received) {
        Set<String> delivered = new HashSet<>();
        received.forEach(d -> delivered.add(d.orderId() + " v" + d.version()));
        List<String> missing = new ArrayList<>();
        journals.values().forEach(journal -> journal.forEach(e -> {
            if (!delivered.contains(e.orderId() + " v" + e.version())) {
                missing.add(e.orderId() + " v" + e.version() + " " + e.event());
            }
        }));
        return missing;
    }

    /** Each delivery of version v > 1 that came before any delivery of v - 1, or that names another event. */
    private static List<String> outOfOrder(Map<String, List<JournalEntry>> journals,
                                           List<EventReceiver.Delivery> received) {
        Set<String> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (EventReceiver.Delivery d : received) {
            List<JournalEntry> journal = journals.getOrDefault(d.orderId(), List.of());
            if (d.version() < 1 || d.version() > journal.size()
                    || !journal.get((int) d.version() - 1).event().equals(d.event())) {
                wrong.add(d + " is not in the journal");
            } else if (d.version() > 1 && !seen.contains(d.orderId() + " v" + (d.version() - 1))) {
                wrong.add(d + " before version " + (d.version() - 1));
            }
            seen.add(d.orderId() + " v" + d.version());
        }
        return wrong;
    }

    /** Waits (bounded by {@link #LIMIT}) until {@code condition} holds; fails with {@code state} otherwise. */
    private static void awaitUntil(BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT + ": " + state.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
