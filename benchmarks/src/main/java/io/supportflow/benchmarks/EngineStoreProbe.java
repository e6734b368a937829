package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Items 4 and 5, measured without JMH: fills a durable store through the engine (concurrent clients, one open
 * command per session), reads the live heap with the sessions idle after {@code few} and after {@code many}
 * sessions, then closes the engine and times reopening the store. Every session has its idle timer armed: the
 * engine runs the standard lifecycle with an {@link #IDLE_TIMEOUT} idle timeout, long enough never to fall due
 * during the run.
 */
final class EngineStoreProbe {
    /** The idle timeout of the probe's lifecycle: armed at every open, never due while the suite runs. */
    static final Duration IDLE_TIMEOUT = Duration.ofDays(30);
    private static final Lifecycle IDLE_TIMERS = Lifecycle.standard().extend("idle-timers")
            .policies(p -> p.withIdleTimeout(IDLE_TIMEOUT)).build();
    private static final int OPEN_REPEATS = 3;

    private EngineStoreProbe() {
    }

    /**
     * Measures; the scratch store is deleted afterwards.
     *
     * @throws IllegalStateException if the first or the last session opened has no idle timer armed, or the
     *                               reopened store does not hold exactly {@code many} sessions
     */
    static Figures measure(int few, int many, int clients) {
        Path directory = ScratchDirectory.create("engine-store");
        try {
            Figures figures;
            try (SupportEngine engine = SupportEngine.builder().lifecycle(IDLE_TIMERS)
                    .store(Stores.openMapDb(directory)).build()) {
                SessionFill fill = new SessionFill(engine, clients);
                double seconds = fill.open(0, few);
                LiveHeap.Snapshot atFew = LiveHeap.take();
                seconds += fill.open(few, many);
                LiveHeap.Snapshot atMany = LiveHeap.take();
                requireArmed(engine.get(SessionFill.orderId(0)));
                requireArmed(engine.get(SessionFill.orderId(many - 1)));
                figures = new Figures(atFew, atMany, engine.stats().maxMachines(), seconds, 0, 0);
            }
            return figures.withStore(ScratchDirectory.size(directory), medianOpenMillis(directory, many));
        } finally {
            ScratchDirectory.delete(directory);
        }
    }

    private static void requireArmed(Session session) {
        if (session.idleDeadline() == null) {
            throw new IllegalStateException("session " + session.orderId() + " has no idle timer armed");
        }
    }

    private static double medianOpenMillis(Path directory, int sessions) {
        double[] millis = new double[OPEN_REPEATS];
        for (int i = 0; i < OPEN_REPEATS; i++) {
            long start = System.nanoTime();
            try (SupportStore store = Stores.openMapDb(directory)) {
                millis[i] = (System.nanoTime() - start) / 1e6;
                long count = store.sessionCount();
                if (count != sessions) {
                    throw new IllegalStateException("reopened store holds " + count + " sessions, not " + sessions);
                }
            }
        }
        Arrays.sort(millis);
        return millis[OPEN_REPEATS / 2];
    }

    /**
     * What the probe measured.
     *
     * @param heapAtFew       live heap with {@code few} idle sessions stored
     * @param heapAtMany      live heap with {@code many} idle sessions stored
     * @param machinePoolSize the engine's bound on live Spring machines
     * @param fillSeconds     time to open all {@code many} sessions through the engine
     * @param storeBytes      size of the store's files with {@code many} sessions, engine closed
     * @param openMillis      median time to open the store (its sessions are counted afterwards, untimed)
     */
    record Figures(LiveHeap.Snapshot heapAtFew, LiveHeap.Snapshot heapAtMany, int machinePoolSize, double fillSeconds,
                   long storeBytes, double openMillis) {

        Figures withStore(long bytes, double millis) {
            return new Figures(heapAtFew, heapAtMany, machinePoolSize, fillSeconds, bytes, millis);
        }
    }
}
