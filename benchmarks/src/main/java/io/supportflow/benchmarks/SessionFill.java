package io.supportflow.benchmarks;

import io.supportflow.engine.SupportEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens many sessions through the engine as concurrent clients would: {@code clients} threads, each opening its
 * share of the order ids {@code fill-from … fill-(to - 1)} one command at a time (so group commit applies). Reports
 * its progress on standard error every {@value #REPORT_EVERY} sessions.
 */
final class SessionFill {
    private static final int REPORT_EVERY = 100_000;

    private final SupportEngine engine;
    private final int clients;
    private final AtomicInteger opened = new AtomicInteger();
    private long start;

    SessionFill(SupportEngine engine, int clients) {
        this.engine = engine;
        this.clients = clients;
    }

    /**
     * Opens orders {@code from} (inclusive) to {@code to} (exclusive) and returns the seconds it took.
     *
     * @throws IllegalStateException if any open failed (the cause is the engine's exception)
     */
    double open(int from, int to) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        start = System.nanoTime();
        opened.set(0);
        try {
            List<Future<?>> shares = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = from + client;
                shares.add(pool.submit(() -> openEvery(first, to)));
            }
            for (Future<?> share : shares) {
                share.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filling the store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("opening a session failed while filling the store", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The order id of session {@code order}. */
    static String orderId(int order) {
        return "fill-" + order;
    }

    private void openEvery(int first, int to) {
        for (int order = first; order < to; order += clients) {
            engine.execute(OrderCycle.command(orderId(order), 0));
            int done = opened.incrementAndGet();
            if (done % REPORT_EVERY == 0) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "  opened %,d sessions in %.0f s (%,.0f/s)%n", done, seconds,
                        done / seconds);
            }
        }
    }
}
