package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Run when a file store opens: reads every session, assignment and agent record (so a damaged or unknown-format
 * record fails the open), and checks every derived table and counter against them. One that disagrees is rebuilt
 * from the records and the repair is reported; a disagreement can only come from a bug or a damaged file, never
 * from a crash, since every commit writes records and derived tables atomically.
 */
final class OpenCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCheck.class);
    private static final List<Table> FROM_SESSIONS = List.of(Table.BY_STATE, Table.BY_AGENT, Table.TIMER);
    private static final int CHUNK = 10_000;
    private static final Comparator<Assignment> LATEST = Comparator.comparing(Assignment::startedAt)
            .thenComparing(a -> Keys.assignment(a.orderId(), a.startVersion()));

    /** What the check read and repaired, and how long it took. */
    record Report(long sessions, long assignments, List<String> repairs, Duration took) {
        Report {
            repairs = List.copyOf(repairs);
        }
    }

    private final Tables tables;
    private final List<String> repairs = new ArrayList<>();

    private OpenCheck(Tables tables) {
        this.tables = tables;
    }

    static Report run(Tables tables) {
        long start = System.nanoTime();
        OpenCheck check = new OpenCheck(tables);
        Map<Table, KeyDigest> expected = new EnumMap<>(Table.class);
        for (Table table : List.of(Table.BY_STATE, Table.BY_AGENT, Table.TIMER, Table.ACTIVE)) {
            expected.put(table, new KeyDigest());
        }
        Indexes.Sink sink = (table, key) -> expected.get(table).add(key);
        long sessions = check.forEachSession(session -> Indexes.of(session, sink));
        long assignments = check.forEachAssignment(assignment -> Indexes.of(assignment, sink));
        expected.forEach(check::compare);
        check.counter(Meta.SESSIONS, sessions);
        check.outbox();
        check.lastStarted();
        tables.read(Table.AGENT).values().forEach(Records::agentProfile);
        check.repairs.forEach(repair -> LOG.warn("store repaired on open: {}", repair));
        return new Report(sessions, assignments, check.repairs, Duration.ofNanos(System.nanoTime() - start));
    }

    private long forEachSession(Consumer<Session> action) {
        long count = 0;
        for (Map.Entry<String, byte[]> e : tables.read(Table.SESSION).entrySet()) {
            Session session = Records.session(e.getValue());
            if (!session.orderId().equals(e.getKey())) {
                throw RecordFormatException.corrupt("session of " + session.orderId() + " stored under " + e.getKey());
            }
            action.accept(session);
            count++;
        }
        return count;
    }

    private long forEachAssignment(Consumer<Assignment> action) {
        long count = 0;
        for (Map.Entry<String, byte[]> e : tables.read(Table.ASSIGNMENT).entrySet()) {
            Assignment assignment = Records.assignment(e.getValue());
            if (!Keys.assignment(assignment.orderId(), assignment.startVersion()).equals(e.getKey())) {
                throw RecordFormatException.corrupt("assignment of " + assignment.orderId() + " under a wrong key");
            }
            action.accept(assignment);
            count++;
        }
        return count;
    }

    private void compare(Table table, KeyDigest expected) {
        KeyDigest actual = KeyDigest.of(tables.read(table).keySet());
        if (!actual.sameAs(expected)) {
            rebuild(table);
            repairs.add("index " + table.mapName() + " had " + actual.count() + " keys disagreeing with the records ("
                    + expected.count() + " keys); rebuilt");
        }
    }

    private void rebuild(Table table) {
        clear(table);
        Chunks chunks = new Chunks();
        Indexes.Sink sink = (t, key) -> {
            if (t == table) {
                chunks.put(table, key, CommitPlanner.EMPTY);
            }
        };
        if (FROM_SESSIONS.contains(table)) {
            forEachSession(session -> Indexes.of(session, sink));
        } else {
            forEachAssignment(assignment -> Indexes.of(assignment, sink));
        }
        chunks.flush();
    }

    private void clear(Table table) {
        while (!tables.read(table).isEmpty()) {
            Writes writes = new Writes(tables);
            tables.read(table).keySet().stream().limit(CHUNK).toList().forEach(key -> writes.delete(table, key));
            tables.apply(writes);
        }
    }

    private void counter(String name, long actual) {
        long stored = Meta.longOf(tables.read(Table.META).get(name));
        if (stored != actual) {
            set(name, Meta.longValue(actual));
            repairs.add("counter " + name + " was " + stored + ", the records give " + actual + "; corrected");
        }
    }

    /** Every outbox entry names a journal entry; the reverse table mirrors it; the next sequence is beyond it. */
    private void outbox() {
        KeyDigest expected = new KeyDigest();
        long next = 0;
        for (Map.Entry<String, byte[]> e : tables.read(Table.OUTBOX).entrySet()) {
            String journalKey = Meta.textOf(e.getValue());
            if (!tables.read(Table.JOURNAL).containsKey(journalKey)) {
                throw RecordFormatException.corrupt("outbox entry " + e.getKey() + " names a missing journal entry");
            }
            expected.add(journalKey + '=' + e.getKey());
            next = Math.max(next, Keys.numberOf(e.getKey()) + 1);
        }
        KeyDigest actual = new KeyDigest();
        tables.read(Table.OUTBOX_SEQ).forEach((key, value) -> actual.add(key + '=' + Keys.sequence(Meta.longOf(value))));
        if (!actual.sameAs(expected)) {
            rebuildOutboxSequences();
            repairs.add("table outbox-seq disagreed with the outbox; rebuilt");
        }
        long stored = Meta.longOf(tables.read(Table.META).get(Meta.OUTBOX_NEXT));
        if (stored < next) {
            set(Meta.OUTBOX_NEXT, Meta.longValue(next));
            repairs.add("counter outbox-next was " + stored + ", below the outbox; set to " + next);
        }
    }

    private void rebuildOutboxSequences() {
        clear(Table.OUTBOX_SEQ);
        Chunks chunks = new Chunks();
        tables.read(Table.OUTBOX).forEach((key, journalKey) ->
                chunks.put(Table.OUTBOX_SEQ, Meta.textOf(journalKey), Meta.longValue(Keys.numberOf(key))));
        chunks.flush();
    }

    /** The round-robin cursor names an existing assignment, or is absent when there is none. */
    private void lastStarted() {
        String pointer = Meta.textOf(tables.read(Table.META).get(Meta.LAST_STARTED));
        if (pointer == null ? tables.read(Table.ASSIGNMENT).isEmpty() : tables.read(Table.ASSIGNMENT).containsKey(pointer)) {
            return;
        }
        List<Assignment> latest = new ArrayList<>(1);
        forEachAssignment(a -> {
            if (latest.isEmpty() || LATEST.compare(a, latest.get(0)) > 0) {
                latest.clear();
                latest.add(a);
            }
        });
        Writes writes = new Writes(tables);
        if (latest.isEmpty()) {
            writes.delete(Table.META, Meta.LAST_STARTED);
        } else {
            writes.put(Table.META, Meta.LAST_STARTED, Meta.text(Keys.assignment(latest.get(0).orderId(),
                    latest.get(0).startVersion())));
        }
        tables.apply(writes);
        repairs.add("pointer last-started named no assignment; set to the latest started one");
    }

    private void set(String metaKey, byte[] value) {
        Writes writes = new Writes(tables);
        writes.put(Table.META, metaKey, value);
        tables.apply(writes);
    }

    /** Applies writes in chunks, so a rebuild of a large table never holds it all in one commit. */
    private final class Chunks {
        private Writes writes = new Writes(tables);
        private int size;

        void put(Table table, String key, byte[] value) {
            writes.put(table, key, value);
            if (++size == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (size > 0) {
                tables.apply(writes);
            }
            writes = new Writes(tables);
            size = 0;
        }
    }
}
