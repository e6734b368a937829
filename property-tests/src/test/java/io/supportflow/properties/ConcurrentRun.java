package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.spec.model.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one script of commands per thread against one engine, all threads released at once. */
final class ConcurrentRun {
    /** Long enough for any run on a loaded machine; only a deadlock reaches it. */
    private static final long DEADLOCK_MINUTES = 2;

    private ConcurrentRun() {
    }

    /** Every thread's acknowledgements, thread by thread, each in its thread's order. */
    static List<Ack> run(SupportEngine engine, List<List<Command>> scripts) {
        ExecutorService threads = Executors.newFixedThreadPool(scripts.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Ack>>> running = new ArrayList<>();
            for (int t = 0; t < scripts.size(); t++) {
                int thread = t;
                running.add(threads.submit(() -> script(engine, thread, scripts.get(thread), start)));
            }
            start.countDown();
            List<Ack> acks = new ArrayList<>();
            for (Future<List<Ack>> f : running) {
                acks.addAll(f.get(DEADLOCK_MINUTES, TimeUnit.MINUTES));
            }
            return acks;
        } catch (ExecutionException e) {
            throw new AssertionError("a command threw something other than a refusal", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("P8 violated: the threads did not finish (deadlock?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Ack> script(SupportEngine engine, int thread, List<Command> commands, CountDownLatch start)
            throws InterruptedException {
        start.await();
        List<Ack> acks = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            acks.add(new Ack(thread, i, c, EngineResult.of(() -> engine.execute(c))));
        }
        return acks;
    }
}
