package io.supportflow.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class KeyedLocksTest {
    private final KeyedLocks locks = new KeyedLocks();
    private long unsafeCounter;

    @Test
    void oneKeyIsHeldByOneThreadAtATimeAndNothingIsKeptAfterwards() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    locks.withLock("k", () -> unsafeCounter++);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(unsafeCounter).isEqualTo(80_000);
        assertThat(locks.size()).isZero();
    }

    @Test
    void aHeldKeyDoesNotBlockAnotherKey() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> locks.withLock("a", () -> {
            held.countDown();
            awaitQuietly(release);
            return null;
        }));
        holder.start();
        held.await();
        assertThat(locks.withLock("b", () -> locks.size())).isEqualTo(2);
        release.countDown();
        holder.join();
        assertThat(locks.size()).isZero();
    }

    @Test
    void anExceptionReleasesTheKey() {
        try {
            locks.withLock("k", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(locks.size()).isZero();
        assertThat(locks.withLock("k", () -> "again")).isEqualTo("again");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
