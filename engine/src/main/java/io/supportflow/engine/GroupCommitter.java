package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit: concurrent callers queue their commits; one of them at a time, the leader, writes everything queued so
 * far with one {@link SupportStore#commitAll}, so commits that arrive while a write is on its way to disk share the
 * next write. The others park until their commit is settled, or until the leader, its own commit written, hands the
 * lead to the oldest queued commit's caller; nobody is woken just to find that its commit is done. Callers must not
 * queue two commits of one order at once (the engine's per-order lock guarantees it).
 */
final class GroupCommitter {
    private static final int MAX_BATCH = 512;

    private final SupportStore store;
    private final AtomicBoolean leading = new AtomicBoolean();
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
        Pending mine = new Pending(commit);
        queue.add(mine);
        if (leading.compareAndSet(false, true) || mine.turn.join()) {
            lead(mine);
        }
        mine.rethrow();
    }

    /** Writes batches until {@code mine} is settled, then passes the lead on if commits are still queued. */
    private void lead(Pending mine) {
        while (!mine.settled) {
            writeBatch();
        }
        leading.set(false);
        if (!queue.isEmpty() && leading.compareAndSet(false, true)) {
            queue.peek().turn.complete(true);
        }
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = batch.size() < MAX_BATCH ? queue.poll() : null) {
            batch.add(p);
        }
        List<StaleVersionException> results;
        try {
            results = store.commitAll(batch.stream().map(Pending::commit).toList());
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.settle(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).settle(results.get(i));
        }
    }

    /** A queued commit; {@code turn} completes with true when its caller must lead, false once it is settled. */
    private static final class Pending {
        private final Commit commit;
        private final CompletableFuture<Boolean> turn = new CompletableFuture<>();
        private Throwable failure;
        private boolean settled;

        Pending(Commit commit) {
            this.commit = commit;
        }

        Commit commit() {
            return commit;
        }

        /** Records the outcome (null: durable), then wakes the caller unless it is the leader writing it. */
        void settle(Throwable outcome) {
            failure = outcome;
            settled = true;
            turn.complete(false);
        }

        void rethrow() {
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
        }
    }
}
