package io.supportflow.engine.rest;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Counts the HTTP server's exchanges from the moment it hands one to the handler threads (before the request is
 * even read) until the reply is sent, so that shutdown can wait for every request already received. Once draining,
 * requests still arriving are answered 503 by the handler. Thread-safe.
 */
final class InFlight {
    private int count;
    private boolean draining;

    /** {@code threads}, counting each task it runs. */
    Executor counting(Executor threads) {
        return task -> {
            enter();
            try {
                threads.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        exit();
                    }
                });
            } catch (RuntimeException rejected) {
                exit();
                throw rejected;
            }
        };
    }

    synchronized boolean draining() {
        return draining;
    }

    private synchronized void enter() {
        count++;
    }

    private synchronized void exit() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /**
     * Begins draining and waits until no exchange is in flight or {@code grace} passed.
     *
     * @return whether every exchange finished
     */
    synchronized boolean drain(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
