package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.supportflow.properties.Invariants.check;

/**
 * P6: a child JVM ({@link CrashChild}) runs the engine on a MapDB directory under random load from several threads and
 * prints every acknowledged command; it is SIGKILLed after a random number of acknowledgements, at least 20 times on
 * the same directory. After each kill a fresh engine opens the directory and must hold every acknowledged command,
 * with consecutive journals, P5 replay, P1, P2 and agent loads equal to the ACTIVE assignments (P3).
 */
class CrashRecoveryIT {
    private static final int ROUNDS = 20;

    @Property(tries = 1, shrinking = ShrinkingMode.OFF)
    @Label("P6 P1 P2 P3 P5: after a SIGKILL at any moment the store opens with every acknowledged command present")
    void everyAcknowledgedCommandSurvivesAKill(
            @ForAll @Size(ROUNDS) List<@IntRange(min = 0, max = 150) Integer> killAfterAcks, @ForAll long seed)
            throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("supportflow-crash-");
        try {
            List<Acknowledged> acknowledged = new ArrayList<>();
            for (int round = 0; round < killAfterAcks.size(); round++) {
                acknowledged.addAll(runAndKill(directory, seed + round, killAfterAcks.get(round)));
                recovered(directory, acknowledged, round);
            }
        } finally {
            EngineRig.deleteRecursively(directory);
        }
    }

    /** One acknowledgement the child printed: the session was at {@code version} in {@code state}. */
    private record Acknowledged(String orderId, long version, String state) {
        static Acknowledged parse(String line) {
            String[] parts = line.split(" ");
            return new Acknowledged(parts[1], Long.parseLong(parts[2]), parts[3]);
        }
    }

    private static List<Acknowledged> runAndKill(Path directory, long seed, int killAfter)
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                directory.toString(), Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Acknowledged> acks = new ArrayList<>();
        // SIGKILL through the process handle: Process.destroyForcibly would also close the pipe, losing the lines
        // the child printed just before it died
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String first = out.readLine();
            check("READY".equals(first), () -> "the child did not start: " + first);
            String line;
            while (acks.size() < killAfter && (line = out.readLine()) != null) {
                acks.add(Acknowledged.parse(line));
            }
            child.toHandle().destroyForcibly();
            while ((line = out.readLine()) != null) {
                acks.add(Acknowledged.parse(line));
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
        return acks;
    }

    /** P6: everything acknowledged so far is in the reopened store, and P1, P2, P3, P5 hold. */
    private static void recovered(Path directory, List<Acknowledged> acknowledged, int round) {
        try (SupportEngine engine = SupportEngine.builder().lifecycle(CrashChild.LIFECYCLE)
                .dataDirectory(directory).manualScheduling().build()) {
            Snapshot stored = Snapshot.of(engine, CrashChild.ORDERS, CrashChild.AGENTS);
            for (Acknowledged ack : acknowledged) {
                List<JournalEntry> journal = stored.order(ack.orderId()).journal();
                check(journal.size() >= ack.version() && journal.get((int) ack.version() - 1).to().equals(ack.state()),
                        () -> "P6 violated after kill " + (round + 1) + ": acknowledged " + ack + " but the journal is "
                                + journal.stream().map(e -> e.version() + ":" + e.to()).toList());
            }
            stored.orders().forEach((orderId, order) -> {
                long version = order.session().map(Session::version).orElse(0L);
                List<Long> versions = order.journal().stream().map(JournalEntry::version).toList();
                check(versions.equals(LongStream.rangeClosed(1, version).boxed().toList()),
                        () -> "P6 violated after kill " + (round + 1) + ": order " + orderId + " at version "
                                + version + " has journal versions " + versions);
            });
            Invariants.check(CrashChild.LIFECYCLE, stored, Map.of());
        } catch (RuntimeException e) {
            throw new AssertionError("P6 violated after kill " + (round + 1) + ": the store does not reopen", e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
