package io.supportflow.engine.rest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Counts requests being handled, and lets shutdown wait for them while turning new ones away. Thread-safe. */
final class InFlight {
    private int count;
    private boolean draining;

    /** Admits a request; false once draining began. Every admitted request must {@link #exit()}. */
    synchronized boolean enter() {
        if (draining) {
            return false;
        }
        count++;
        return true;
    }

    synchronized void exit() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /**
     * Stops admitting requests and waits until none is in flight or {@code grace} passed.
     *
     * @return whether every admitted request finished
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
