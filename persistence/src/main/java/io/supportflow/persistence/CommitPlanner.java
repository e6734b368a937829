package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Session;

/** Plans every table write of one accepted command, keeping the derived tables in step with the records. */
final class CommitPlanner {

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
        String orderId = now.orderId();
        if (old != null) {
            writes.delete(Table.BY_STATE, Keys.byState(old.state(), orderId));
            if (old.agent() != null) {
                writes.delete(Table.BY_AGENT, Keys.byAgent(old.agent().id(), orderId));
            }
            if (old.idleDeadline() != null) {
                writes.delete(Table.TIMER, Keys.timer(old.idleDeadline(), orderId));
            }
        }
        writes.put(Table.BY_STATE, Keys.byState(now.state(), orderId), new byte[0]);
        if (now.agent() != null) {
            writes.put(Table.BY_AGENT, Keys.byAgent(agentId(now), orderId), new byte[0]);
        }
        if (now.idleDeadline() != null) {
            writes.put(Table.TIMER, Keys.timer(now.idleDeadline(), orderId), new byte[0]);
        }
    }

    private static String agentId(Session session) {
        if (session.agent().id() == null) {
            throw new IllegalArgumentException("session " + session.orderId() + " has an agent without an id");
        }
        return session.agent().id();
    }

    private static void planAssignment(Assignment a, Writes writes) {
        String key = Keys.assignment(a.orderId(), a.startVersion());
        byte[] stored = writes.get(Table.ASSIGNMENT, key);
        Assignment old = stored == null ? null : Records.assignment(stored);
        if (old != null && old.active()) {
            writes.delete(Table.ACTIVE, Keys.active(old.agentId(), old.orderId(), old.startVersion()));
        }
        writes.put(Table.ASSIGNMENT, key, Records.assignment(a));
        if (a.active()) {
            writes.put(Table.ACTIVE, Keys.active(a.agentId(), a.orderId(), a.startVersion()), new byte[0]);
        }
        if (old == null) {
            writes.put(Table.META, Meta.LAST_STARTED, Meta.text(key));
        }
    }

    private static void enqueue(String journalKey, Writes writes) {
        long sequence = Meta.longOf(writes.get(Table.META, Meta.OUTBOX_NEXT));
        writes.put(Table.OUTBOX, Keys.sequence(sequence), Meta.text(journalKey));
        writes.put(Table.OUTBOX_SEQ, journalKey, Meta.longValue(sequence));
        writes.put(Table.META, Meta.OUTBOX_NEXT, Meta.longValue(sequence + 1));
    }

    private static void addToCounter(Writes writes, String counter, long delta) {
        writes.put(Table.META, counter, Meta.longValue(Meta.longOf(writes.get(Table.META, counter)) + delta));
    }
}
