package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: concurrent callers queue their commits, and the caller at the head of the queue, the leader, writes
 * every commit queued so far (up to {@value #MAX_BATCH}) with one {@link SupportStore#commitAll}, so commits that
 * arrive while a write is on its way to disk share the next write.
 *
 * <p>What guards what: {@code lock} guards {@code queue}, and leadership is no flag of its own but a position decided
 * under the lock: a caller that queues onto an empty queue leads at once; otherwise the batch before it hands it the
 * lead when that batch leaves the queue (under the lock; only the leader takes commits off the queue). So there is
 * exactly one leader while the queue is non-empty and none while it is empty, and the lock is never held during the
 * write. A waiting caller parks until its {@link Pending} is told to lead or is settled; both are volatile fields
 * written before the caller is unparked, so the outcome is safely published. The new leader is woken first, then the
 * settled callers: the next write starts while the last one's callers return. A caller returns only once its commit
 * is settled: durable, refused, or failed with its batch.
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
        Pending mine = new Pending(commit, Thread.currentThread());
        if (!enqueue(mine)) {
            mine.awaitLeadOrOutcome();
        }
        if (mine.outcome == null) {
            lead();
        }
        mine.outcome.rethrow();
    }

    /** Queues {@code mine}; whether it is the head, and so leads. */
    private boolean enqueue(Pending mine) {
        lock.lock();
        try {
            queue.addLast(mine);
            return queue.peekFirst() == mine;
        } finally {
            lock.unlock();
        }
    }

    /** Called by the head of the queue only: writes a batch from the head, then hands on the lead and settles it. */
    private void lead() {
        List<Pending> batch = headBatch();
        List<Outcome> outcomes = write(batch);
        Pending next = dequeue(batch);
        if (next != null) {
            next.tellToLead();
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).settle(outcomes.get(i));
        }
    }

    /** The first commits of the queue, the leader's own first; they stay queued until written. */
    private List<Pending> headBatch() {
        lock.lock();
        try {
            List<Pending> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
            for (Pending p : queue) {
                if (batch.size() == MAX_BATCH) {
                    break;
                }
                batch.add(p);
            }
            return batch;
        } finally {
            lock.unlock();
        }
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

    /** Takes the written batch off the head of the queue; the new head, which leads next, or null. */
    private Pending dequeue(List<Pending> batch) {
        lock.lock();
        try {
            for (Pending written : batch) {
                Pending p = queue.pollFirst();
                assert p == written : "only the leader takes commits off the queue";
            }
            return queue.peekFirst();
        } finally {
            lock.unlock();
        }
    }

    /** How a commit ended: {@code failure} null means durable. */
    private record Outcome(Throwable failure) {
        void rethrow() {
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
        }
    }

    /** A queued commit and its caller; told to lead, or settled, once. */
    private static final class Pending {
        private final Commit commit;
        private final Thread caller;
        private volatile boolean leads;
        private volatile Outcome outcome;

        Pending(Commit commit, Thread caller) {
            this.commit = commit;
            this.caller = caller;
        }

        void tellToLead() {
            leads = true;
            LockSupport.unpark(caller);
        }

        void settle(Outcome settled) {
            outcome = settled;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        /** Parks the caller until it leads or is settled; an interrupt meanwhile is kept, not acted on. */
        void awaitLeadOrOutcome() {
            boolean interrupted = false;
            while (!leads && outcome == null) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
