package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: concurrent callers queue their commits; whoever holds the writer lock writes everything queued so far
 * with one {@link SupportStore#commitAll}, so commits that arrive while a write is on its way to disk share the next
 * write. Callers must not queue two commits of one order at once (the engine's per-order lock guarantees it).
 */
final class GroupCommitter {
    private static final int MAX_BATCH = 512;

    private final SupportStore store;
    private final ReentrantLock writer = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    GroupCommitter(SupportStore store) {
        this.store = store;
    }

    /**
     * Returns once {@code commit} is durable.
     *
     * @throws StaleVersionException if the store refused it; nothing of it was written
     * @throws RuntimeException      whatever the store threw for the batch holding it; nothing of it was written
     */
    void commit(Commit commit) {
        Pending pending = new Pending(commit, new CompletableFuture<>());
        queue.add(pending);
        writer.lock();
        try {
            while (!pending.done().isDone()) {
                writeBatch();
            }
        } finally {
            writer.unlock();
        }
        try {
            pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        }
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        try {
            List<StaleVersionException> results = store.commitAll(batch.stream().map(Pending::commit).toList());
            for (int i = 0; i < batch.size(); i++) {
                settle(batch.get(i).done(), results.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private static void settle(CompletableFuture<Void> done, StaleVersionException refused) {
        if (refused == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(refused);
        }
    }

    private record Pending(Commit commit, CompletableFuture<Void> done) {
    }
}
