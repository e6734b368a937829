package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.spec.lifecycle.States;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine's live resources do not grow with the number of sessions. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ScaleTest {
    private static final int SESSIONS = 100_000;
    private static final int THREADS = 4;
    private static final int POOL = 2;

    @Test
    void openingAHundredThousandSessionsKeepsTheSpringMachinesWithinTheBoundedPool() throws Exception {
        try (SupportEngine engine = SupportEngine.builder().store(Stores.inMemory())
                .clock(new MutableClock(Fixtures.T0)).manualScheduling().machinePoolSize(POOL).build()) {
            ExecutorService workers = Executors.newFixedThreadPool(THREADS);
            List<Future<Integer>> peaks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                peaks.add(workers.submit(() -> openShare(engine, thread)));
            }
            for (Future<Integer> peak : peaks) {
                assertThat(peak.get()).isBetween(1, POOL);
            }
            workers.shutdown();
            assertThat(engine.sessionsInState(States.OPEN)).hasSize(SESSIONS);
            EngineStats stats = engine.stats();
            assertThat(stats.liveMachines()).isBetween(1, POOL);
            assertThat(stats.maxMachines()).isEqualTo(POOL);
            assertThat(stats.lockedOrders()).isZero();
        }
    }

    /** Opens every THREADS-th session; returns the most live machines seen meanwhile. */
    private static int openShare(SupportEngine engine, int thread) {
        int peak = 0;
        for (int i = thread; i < SESSIONS; i += THREADS) {
            engine.open("order-" + i, body("x"), CUSTOMER);
            if (i % 997 == 0) {
                peak = Math.max(peak, engine.stats().liveMachines());
            }
        }
        return Math.max(peak, engine.stats().liveMachines());
    }
}
