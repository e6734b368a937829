package io.supportflow.persistence;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.model.World;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A manual measurement for the README, not run by the build: commit latency, then a store of N sessions (default
 * 1,000,000; a third of them assigned, all with an idle timer, every outbox entry acknowledged) with its file size,
 * open time and heap, before and after compaction, then rounds of closing and reopening the same sessions with the
 * file size after each reopen.
 * Run: {@code java -cp <test classpath> io.supportflow.persistence.GrowthMeasurement [sessions] [directory]}.
 */
public final class GrowthMeasurement {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final int BATCH = 1000;

    private GrowthMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("growth");
        System.out.printf("store in %s, %d sessions%n", directory, sessions);
        commitLatency(directory.resolve("latency"));
        Path store = directory.resolve("sessions");
        fill(store, sessions);
        reopen(store);
        compact(store);
        reopen(store);
        churn(store, Math.min(sessions, 100_000), 6);
    }

    private static void commitLatency(Path directory) {
        try (SupportStore store = Stores.openMapDb(directory)) {
            long[] micros = new long[2000];
            for (int i = 0; i < micros.length; i++) {
                Commit commit = SupportStoreContract.openedByHand("latency-" + i);
                long start = System.nanoTime();
                store.commit(commit);
                micros[i] = (System.nanoTime() - start) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("single commit: median %d µs, p99 %d µs (%d commits)%n", micros[micros.length / 2],
                    micros[micros.length * 99 / 100], micros.length);
            long start = System.nanoTime();
            List<Commit> batch = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                batch.add(SupportStoreContract.openedByHand("group-" + i));
                if (batch.size() == 100) {
                    store.commitAll(batch);
                    batch.clear();
                }
            }
            System.out.printf("group commit of 100: %.1f µs per commit%n", (System.nanoTime() - start) / 20_000 / 1e3);
        }
    }

    private static void fill(Path directory, int sessions) throws IOException {
        long start = System.nanoTime();
        try (SupportStore store = Stores.openMapDb(directory)) {
            Scenario.agentProfiles().forEach(store::putAgent);
            World world = new FixedWorld(Scenario.agentProfiles());
            Random random = new Random(1);
            List<Commit> batch = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                String order = String.format("order-%07d", i);
                Instant at = T0.plusSeconds(i);
                Outcome.Accepted opened = accept(null, new Command.Open(order, Scenario.body(random), Actor.CUSTOMER),
                        world, at);
                batch.add(Commit.of(opened));
                if (i % 3 == 0) {
                    Command assign = new Command.Assign(order, Scenario.agent(Scenario.AGENTS.get(i % 2)),
                            Actor.SUPERVISOR);
                    batch.add(Commit.of(accept(opened.session(), assign, world, at.plusSeconds(5))));
                }
                if (batch.size() >= BATCH) {
                    flush(store, batch);
                }
                if (i > 0 && i % 100_000 == 0) {
                    System.out.printf("  %d sessions, %d MiB, %d s%n", i, Files.size(directory.resolve(
                            "supportflow.db")) >> 20, (System.nanoTime() - start) / 1_000_000_000);
                }
            }
            flush(store, batch);
            System.out.printf("filled %d sessions in %d s%n", store.sessionCount(),
                    (System.nanoTime() - start) / 1_000_000_000);
        }
        System.out.printf("data file %d MiB, redo log %d KiB%n", Files.size(directory.resolve("supportflow.db")) >> 20,
                Files.size(directory.resolve("supportflow.redo")) >> 10);
    }

    /** Stores the batch and acknowledges its outbox entries, as the engine's delivery would. */
    private static void flush(SupportStore store, List<Commit> batch) {
        store.commitAll(batch);
        store.acknowledgeAll(batch.stream().map(c -> SupportStore.EntryId.of(c.entry())).toList());
        batch.clear();
    }

    private static Outcome.Accepted accept(Session current, Command command, World world, Instant at) {
        Outcome outcome = Semantics.step(Scenario.LIFECYCLE, current, command, world, at);
        if (outcome instanceof Outcome.Accepted accepted) {
            return accepted;
        }
        throw new IllegalStateException(command + " was not accepted: " + outcome);
    }

    private static void reopen(Path directory) {
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            try (SupportStore store = Stores.openMapDb(directory)) {
                long took = (System.nanoTime() - start) / 1_000_000;
                OpenCheck.Report report = ((MapDbTables) ((TableStore) store).tables()).openReport();
                System.gc();
                Runtime runtime = Runtime.getRuntime();
                System.out.printf("open: %d ms (check of %d sessions and %d assignments: %d ms), %d timers,"
                                + " heap in use %d MiB%n", took, report.sessions(), report.assignments(),
                        report.took().toMillis(), store.dueTimers(Instant.MAX).size(),
                        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
            }
        }
    }

    private static void compact(Path directory) throws IOException {
        try (SupportStore store = Stores.openMapDb(directory)) {
            long before = Files.size(directory.resolve("supportflow.db"));
            long start = System.nanoTime();
            store.compact();
            System.out.printf("compact: %d MiB to %d MiB in %d s%n", before >> 20,
                    Files.size(directory.resolve("supportflow.db")) >> 20, (System.nanoTime() - start) / 1_000_000_000);
        }
    }

    private static void churn(Path directory, int sessions, int rounds) throws IOException {
        Instant now = T0.plus(Duration.ofDays(30));
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            try (SupportStore store = Stores.openMapDb(directory)) {
                long opened = Files.size(directory.resolve("supportflow.db"));
                StoreDriver driver = new StoreDriver(store);
                closeAndReopen(store, driver, sessions, now);
                now = now.plus(Duration.ofHours(1));
                System.out.printf("round %d: %d sessions closed and reopened; file %d MiB after open, %d MiB after"
                                + " the round (%d s)%n", round, sessions, opened >> 20,
                        Files.size(directory.resolve("supportflow.db")) >> 20,
                        (System.nanoTime() - start) / 1_000_000_000);
            }
        }
    }

    private static void closeAndReopen(SupportStore store, StoreDriver driver, int sessions, Instant now) {
        List<Commit> batch = new ArrayList<>();
        for (boolean close : new boolean[] {true, false}) {
            for (int i = 0; i < sessions; i++) {
                String order = String.format("order-%07d", i);
                Command command = close ? new Command.Close(order, Actor.AGENT)
                        : new Command.Open(order, Scenario.body(new Random(i)), Actor.CUSTOMER);
                if (driver.decide(command, now) instanceof Outcome.Accepted accepted) {
                    batch.add(Commit.of(accepted));
                }
                if (batch.size() >= BATCH) {
                    flush(store, batch);
                }
            }
            flush(store, batch);
        }
    }

    /** Agents always available and never loaded: enough for open and assign. */
    private record FixedWorld(List<AgentProfile> profiles) implements World {
        @Override
        public Optional<AgentProfile> agent(String agentId) {
            return profiles.stream().filter(p -> p.agentId().equals(agentId)).findFirst();
        }

        @Override
        public List<AgentProfile> agents() {
            return profiles;
        }

        @Override
        public int activeAssignments(String agentId, String exceptOrderId) {
            return 0;
        }

        @Override
        public List<Assignment> activeAssignmentsOf(String orderId) {
            return List.of();
        }

        @Override
        public Optional<String> lastAssignedAgent() {
            return Optional.empty();
        }
    }
}
