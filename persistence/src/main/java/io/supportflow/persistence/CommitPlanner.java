package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Session;

/** Plans every table write of one accepted command, keeping the derived tables in step with the records. */
final class CommitPlanner {
    /** The value of every key of an index table. */
    static final byte[] EMPTY = new byte[0];

    private CommitPlanner() {
    }

    /**
     * Plans {@code commit} into {@code writes}.
     *
     * @throws StaleVersionException before planning anything, if the session's version (as {@code writes} sees it)
     *                               is not the commit's expected version
     */
    static void plan(Commit commit, Writes writes) {
        String orderId = commit.session().orderId();
        byte[] stored = writes.get(Table.SESSION, orderId);
        Session old = stored == null ? null : Records.session(stored);
        long actual = old == null ? 0 : old.version();
        if (actual != commit.expectedVersion()) {
            throw new StaleVersionException(orderId, commit.expectedVersion(), actual);
        }
        Session now = commit.session();
        writes.put(Table.SESSION, orderId, Records.session(now));
        if (old == null) {
            addToCounter(writes, Meta.SESSIONS, 1);
        }
        String journalKey = Keys.journal(orderId, now.version());
        writes.put(Table.JOURNAL, journalKey, Records.journalEntry(commit.entry()));
        reindex(old, now, writes);
        commit.assignments().forEach(a -> planAssignment(a, writes));
        enqueue(journalKey, writes);
    }

    private static void reindex(Session old, Session now, Writes writes) {
        if (old != null) {
            Indexes.of(old, writes::delete);
        }
        Indexes.of(now, (table, key) -> writes.put(table, key, EMPTY));
    }

    private static void planAssignment(Assignment a, Writes writes) {
        String key = Keys.assignment(a.orderId(), a.startVersion());
        byte[] stored = writes.get(Table.ASSIGNMENT, key);
        Assignment old = stored == null ? null : Records.assignment(stored);
        if (old != null) {
            Indexes.of(old, writes::delete);
        }
        writes.put(Table.ASSIGNMENT, key, Records.assignment(a));
        Indexes.of(a, (table, activeKey) -> writes.put(table, activeKey, EMPTY));
        if (old == null) {
            writes.put(Table.META, Meta.LAST_STARTED, Meta.text(key));
        }
    }

    private static void enqueue(String journalKey, Writes writes) {
        long sequence = Meta.longOf(writes.get(Table.META, Meta.OUTBOX_NEXT));
        writes.put(Table.OUTBOX, journalKey, Meta.longValue(sequence));
        writes.put(Table.OUTBOX_ORDER, Keys.sequence(sequence), Meta.text(journalKey));
        writes.put(Table.META, Meta.OUTBOX_NEXT, Meta.longValue(sequence + 1));
    }

    private static void addToCounter(Writes writes, String counter, long delta) {
        writes.put(Table.META, counter, Meta.longValue(Meta.longOf(writes.get(Table.META, counter)) + delta));
    }
}
