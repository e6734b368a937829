package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: concurrent callers queue their commits, and the caller at the head of the queue, the leader, writes
 * every commit queued so far (up to {@value #MAX_BATCH}) with one {@link SupportStore#commitAll}, so commits that
 * arrive while a write is on its way to disk share the next write.
 *
 * <p>What guards what: {@code lock} guards {@code queue} and every {@link Pending}'s outcome. Leadership is no flag of
 * its own but a position: only the head of the queue writes, and a batch leaves the queue only when its outcomes are
 * recorded, under the lock, at which moment the new head, if any, is woken. So there is always exactly one leader
 * while the queue is non-empty, and none while it is empty; the lock is never held during the write. A caller returns
 * only once its commit is settled: durable, refused, or failed with its batch.
 *
 * <p>Single process: the queue batches the commits of this JVM only; callers must not queue two commits of one order
 * at once (the engine's per-order lock guarantees it).
 */
final class GroupCommitter {
    private static final int MAX_BATCH = 512;

    private final SupportStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    GroupCommitter(SupportStore store) {
        this.store = store;
    }

    /**
     * Returns once {@code commit} is durable. Interrupts do not cut the wait short (the commit may still become
     * durable); the interrupt status is kept.
     *
     * @throws StaleVersionException if the store refused it; nothing of it was written
     * @throws RuntimeException      whatever the store threw for the batch holding it; nothing of it was written
     */
    void commit(Commit commit) {
        Pending mine = new Pending(commit, lock.newCondition());
        List<Pending> batch = awaitSettledOrLead(mine);
        if (batch != null) {
            settle(batch, write(batch));
        }
        mine.rethrow();
    }

    /** Queues {@code mine} and waits: returns null once it is settled, or the batch to write once it leads. */
    private List<Pending> awaitSettledOrLead(Pending mine) {
        lock.lock();
        try {
            queue.addLast(mine);
            while (mine.outcome == null && queue.peekFirst() != mine) {
                mine.wake.awaitUninterruptibly();
            }
            return mine.outcome == null ? headBatch() : null;
        } finally {
            lock.unlock();
        }
    }

    /** The first commits of the queue, the leader's own first; they stay queued until settled. */
    private List<Pending> headBatch() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        for (Pending p : queue) {
            if (batch.size() == MAX_BATCH) {
                break;
            }
            batch.add(p);
        }
        return batch;
    }

    /** Writes the batch without the lock; one outcome per commit, in order. */
    private List<Outcome> write(List<Pending> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        try {
            List<StaleVersionException> refusals = store.commitAll(batch.stream().map(p -> p.commit).toList());
            for (int i = 0; i < batch.size(); i++) {
                outcomes.add(new Outcome(refusals.get(i)));
            }
        } catch (RuntimeException | Error e) {
            outcomes.clear();
            batch.forEach(p -> outcomes.add(new Outcome(e)));
        }
        return outcomes;
    }

    /** Records the outcomes, takes the batch off the head of the queue and wakes its callers and the next leader. */
    private void settle(List<Pending> batch, List<Outcome> outcomes) {
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) {
                Pending p = queue.pollFirst();
                assert p == batch.get(i) : "only the leader takes commits off the queue";
                p.outcome = outcomes.get(i);
                p.wake.signal();
            }
            Pending next = queue.peekFirst();
            if (next != null) {
                next.wake.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** How a commit ended: {@code failure} null means durable. */
    private record Outcome(Throwable failure) {
    }

    /** A queued commit; {@code outcome} is null until settled (read and written under the lock only). */
    private static final class Pending {
        private final Commit commit;
        private final Condition wake;
        private Outcome outcome;

        Pending(Commit commit, Condition wake) {
            this.commit = commit;
            this.wake = wake;
        }

        /** Called by the committing thread after it left the lock, which published {@code outcome} to it. */
        void rethrow() {
            Throwable failure = outcome.failure();
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
        }
    }
}
