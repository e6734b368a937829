package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Session;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Plans every table write of one accepted command, keeping the derived tables in step with the records. */
final class CommitPlanner {
    /** The value of every key of an index table. */
    static final byte[] EMPTY = new byte[0];
    private static final Consumer<Indexes.Sink> NO_KEYS = sink -> { };

    private CommitPlanner() {
    }

    /**
     * Plans {@code commit} into {@code writes}.
     *
     * @throws StaleVersionException if the session's version (as {@code writes} sees it) is not the commit's expected
     *                               version, or a capacity condition of the commit fails; {@code writes} must then
     *                               be dropped
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
        rederive(old == null ? NO_KEYS : sink -> Indexes.of(old, sink), sink -> Indexes.of(now, sink), writes);
        commit.assignments().forEach(a -> planAssignment(a, writes));
        checkCapacities(commit, writes);
        enqueue(journalKey, writes);
    }

    /** Refuses {@code commit} when an agent of its capacity conditions would hold too many ACTIVE assignments. */
    private static void checkCapacities(Commit commit, Writes writes) {
        commit.capacities().forEach((agentId, capacity) -> {
            if (writes.count(Table.ACTIVE, Keys.prefix(agentId)) > capacity) {
                throw StaleVersionException.atCapacity(commit.session().orderId(), commit.expectedVersion(), agentId,
                        capacity);
            }
        });
    }

    /** Deletes the derived keys only {@code before} yields and adds those only {@code after} yields. */
    private static void rederive(Consumer<Indexes.Sink> before, Consumer<Indexes.Sink> after, Writes writes) {
        Set<Map.Entry<Table, String>> old = keys(before);
        Set<Map.Entry<Table, String>> now = keys(after);
        old.stream().filter(key -> !now.contains(key)).forEach(key -> writes.delete(key.getKey(), key.getValue()));
        now.stream().filter(key -> !old.contains(key)).forEach(key -> writes.put(key.getKey(), key.getValue(), EMPTY));
    }

    private static Set<Map.Entry<Table, String>> keys(Consumer<Indexes.Sink> source) {
        Set<Map.Entry<Table, String>> keys = new LinkedHashSet<>();
        source.accept((table, key) -> keys.add(Map.entry(table, key)));
        return keys;
    }

    private static void planAssignment(Assignment a, Writes writes) {
        String key = Keys.assignment(a.orderId(), a.startVersion());
        byte[] stored = writes.get(Table.ASSIGNMENT, key);
        Assignment old = stored == null ? null : Records.assignment(stored);
        writes.put(Table.ASSIGNMENT, key, Records.assignment(a));
        rederive(old == null ? NO_KEYS : sink -> Indexes.of(old, sink), sink -> Indexes.of(a, sink), writes);
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
