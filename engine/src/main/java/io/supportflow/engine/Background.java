package io.supportflow.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The production scheduler: one daemon thread polls due timers, another delivers the outbox, both every
 * {@code interval} and the outbox also soon after a commit: a commit asks for a delivery pass
 * {@link #DELIVERY_BATCHING} later unless one is already asked for, so a busy engine delivers and acknowledges the
 * commits of that window in one pass (one acknowledgement write) instead of waking the thread per commit.
 * Failures are logged and the next poll goes on.
 *
 * <p>What guards what: {@code deliveryQueued} is true from the moment a pass is asked for until that pass starts;
 * the pass clears it before it reads the outbox, so a commit that finds it true is read by the pass already asked
 * for, and a commit after the clear asks for a new one. Each executor runs its tasks on its one thread, so passes of
 * one kind never overlap. Single process: these threads serve this JVM's engine only.
 */
final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SupportEngine.class);
    private static final long SHUTDOWN_SECONDS = 10;
    /** How long a commit's delivery may wait for later commits to share its pass. */
    private static final Duration DELIVERY_BATCHING = Duration.ofMillis(1);

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("timers"));
    private final ScheduledExecutorService outbox = Executors.newSingleThreadScheduledExecutor(daemon("outbox"));
    private final AtomicBoolean deliveryQueued = new AtomicBoolean();
    private final long intervalMillis;
    private final Runnable fireTimers;
    private final Runnable deliver;

    Background(Duration interval, Runnable fireTimers, Runnable deliver) {
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.fireTimers = logged("timer poll", fireTimers);
        this.deliver = logged("outbox delivery", deliver);
    }

    /** Starts polling now (first poll immediately: work left by the previous run resumes). */
    void start() {
        timers.scheduleWithFixedDelay(fireTimers, 0, intervalMillis, TimeUnit.MILLISECONDS);
        outbox.scheduleWithFixedDelay(deliver, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a delivery pass {@link #DELIVERY_BATCHING} from now; coalesces with one already asked for and not yet
     * started, so every commit before a pass starts is in that pass.
     */
    void wakeDelivery() {
        if (!deliveryQueued.get() && deliveryQueued.compareAndSet(false, true)) {
            try {
                outbox.schedule(() -> {
                    deliveryQueued.set(false);
                    deliver.run();
                }, DELIVERY_BATCHING.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("shutting down: the outbox is delivered after the next start");
            }
        }
    }

    /** Stops both threads, waiting up to ten seconds each for a running pass. */
    @Override
    public void close() {
        stop(timers);
        stop(outbox);
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable logged(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; retrying at the next poll", what, e);
            }
        };
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "supportflow-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
