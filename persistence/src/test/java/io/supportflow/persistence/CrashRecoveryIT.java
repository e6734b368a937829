package io.supportflow.persistence;

import io.supportflow.spec.model.JournalEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P6: a child JVM commits random traffic and is SIGKILLed at random moments; after each kill the store reopens with
 * every acknowledged commit present, every delivery that a later acknowledged commit made durable no longer pending,
 * P4 and P5 holding for every order, and no index needing repair.
 */
class CrashRecoveryIT {
    private static final int ROUNDS = 22;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path directory;

    private final Map<String, Long> acknowledged = new TreeMap<>();
    private final Set<SupportStore.EntryId> delivered = new HashSet<>();
    private final Set<SupportStore.EntryId> deliveredSinceLastCommit = new HashSet<>();
    private int acknowledgements;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAcknowledgedCommitSurvivesSigkillAtRandomMoments() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killedWhileCommitting = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String context = "seed " + seed + ", round " + round;
            Process child = start(random.nextLong(), T0.plus(Duration.ofDays(round)));
            int linesBeforeKill = random.nextInt(80);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                readLines(lines, linesBeforeKill, child, context);
                // the kill instant is randomised so that it lands in every phase of a commit, fsync included
                LockSupport.parkNanos(random.nextInt(3_000_000));
                // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves the output readable
                child.toHandle().destroyForcibly();
                child.waitFor();
                readLines(lines, Integer.MAX_VALUE, child, context);
            } finally {
                child.toHandle().destroyForcibly();
            }
            killedWhileCommitting += child.exitValue() == 137 ? 1 : 0;
            deliveredSinceLastCommit.clear(); // their acknowledgements may have died with the child: at least once
            assertRecovered(context);
        }
        assertThat(killedWhileCommitting).as("children killed by SIGKILL").isEqualTo(ROUNDS);
        assertThat(acknowledged).as("orders with acknowledged commits").isNotEmpty();
        System.out.printf("%d SIGKILLs (seed %d): %d acknowledged commits and %d deliveries, all present after"
                + " reopening%n", ROUNDS, seed, acknowledgements, delivered.size());
    }

    private Process start(long seed, Instant start) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                directory.toString(), Long.toString(seed), start.toString())
                .redirectError(directory.resolveSibling(directory.getFileName() + "-child.err").toFile())
                .start();
    }

    /** Reads up to {@code max} ACK/DELIVERED lines, recording each; stops early at the end of the output. */
    private void readLines(BufferedReader lines, int max, Process child, String context) throws IOException {
        int read = 0;
        String line;
        while (read < max && (line = lines.readLine()) != null) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "READY" -> {
                }
                case "ACK" -> {
                    acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                    acknowledgements++;
                    delivered.addAll(deliveredSinceLastCommit);
                    deliveredSinceLastCommit.clear();
                    read++;
                }
                case "DELIVERED" -> {
                    deliveredSinceLastCommit.add(new SupportStore.EntryId(parts[1], Long.parseLong(parts[2])));
                    read++;
                }
                default -> throw new AssertionError(context + ": unexpected child output " + line);
            }
        }
        if (read < max && child.isAlive()) {
            throw new AssertionError(context + ": child output ended early");
        }
        if (read < max && max != Integer.MAX_VALUE) {
            throw new AssertionError(context + ": child died before it was killed: " + childErrors());
        }
    }

    private void assertRecovered(String context) {
        try (SupportStore store = Stores.openMapDb(directory)) {
            OpenCheck.Report report = ((MapDbTables) ((TableStore) store).tables()).openReport();
            assertThat(report.repairs()).as(context + ": repairs on open").isEmpty();
            acknowledged.forEach((order, version) -> assertThat(store.load(order)).as(context + ": " + order)
                    .hasValueSatisfying(s -> assertThat(s.version()).isGreaterThanOrEqualTo(version)));
            StoreChecks.assertConsistent(store, CrashChild.ORDERS);
            List<JournalEntry> pending = store.pendingOutbox(Integer.MAX_VALUE);
            assertThat(pending).extracting(SupportStore.EntryId::of).filteredOn(delivered::contains)
                    .as(context + ": delivered entries, made durable by a later commit, still pending").isEmpty();
        }
    }

    private String childErrors() throws IOException {
        return Files.readString(directory.resolveSibling(directory.getFileName() + "-child.err"));
    }
}
