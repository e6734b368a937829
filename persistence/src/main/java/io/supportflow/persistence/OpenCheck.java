package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;
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
 * Run when a file store opens. Reads every session, assignment and agent record, so that a damaged or
 * unknown-format record fails the open; builds the in-memory table ({@link Table#inMemory()}); and checks every
 * derived table and counter on disk against the records. One that disagrees is rebuilt from the records and the
 * repair reported; a disagreement can only come from a bug or a damaged file, never from a crash, since each commit
 * writes records and derived tables atomically.
 */
final class OpenCheck {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCheck.class);
    private static final List<Table> CHECKED = List.of(Table.BY_STATE, Table.BY_AGENT, Table.ACTIVE,
            Table.TIMER);
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
        CHECKED.forEach(table -> expected.put(table, new KeyDigest()));
        Indexes.Sink sink = (table, key) -> expected.get(table).add(key);
        long sessions = check.forEachSession(session -> Indexes.of(session, sink));
        long assignments = check.forEachAssignment(assignment -> Indexes.of(assignment, sink));
        expected.forEach(check::compare);
        check.sessionCounter(sessions);
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

    /** Builds the derived {@code table} from the records, replacing what it holds (a table new in a layout). */
    static void build(Tables tables, Table table) {
        new OpenCheck(tables).rebuild(table);
    }

    private void rebuild(Table table) {
        clear(table);
        Chunks chunks = new Chunks();
        Indexes.Sink sink = (t, key) -> {
            if (t == table) {
                chunks.put(table, key, CommitPlanner.EMPTY);
            }
        };
        if (table == Table.ACTIVE) {
            forEachAssignment(assignment -> Indexes.of(assignment, sink));
        } else {
            forEachSession(session -> Indexes.of(session, sink));
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

    private void sessionCounter(long actual) {
        long stored = Meta.longOf(tables.read(Table.META).get(Meta.SESSIONS));
        if (stored != actual) {
            set(Meta.SESSIONS, Meta.longValue(actual));
            repairs.add("counter sessions was " + stored + ", the records give " + actual + "; corrected");
        }
    }

    /**
     * Every outbox entry names a journal entry and has its own sequence number, below the next one; builds the
     * commit order of the outbox.
     */
    private void outbox() {
        Chunks order = new Chunks();
        long next = 0;
        for (Map.Entry<String, byte[]> e : tables.read(Table.OUTBOX).entrySet()) {
            if (!tables.read(Table.JOURNAL).containsKey(e.getKey())) {
                throw RecordFormatException.corrupt("an outbox entry names a missing journal entry");
            }
            long sequence = Meta.longOf(e.getValue());
            order.put(Table.OUTBOX_ORDER, Keys.sequence(sequence), Meta.text(e.getKey()));
            next = Math.max(next, sequence + 1);
        }
        order.flush();
        if (tables.read(Table.OUTBOX_ORDER).size() != tables.read(Table.OUTBOX).size()) {
            throw RecordFormatException.corrupt("two outbox entries share a sequence number");
        }
        long stored = Meta.longOf(tables.read(Table.META).get(Meta.OUTBOX_NEXT));
        if (stored < next) {
            set(Meta.OUTBOX_NEXT, Meta.longValue(next));
            repairs.add("counter outbox-next was " + stored + ", not beyond the outbox; set to " + next);
        }
    }

    /** The round-robin cursor names an existing assignment, or is absent when there is none. */
    private void lastStarted() {
        String pointer = Meta.textOf(tables.read(Table.META).get(Meta.LAST_STARTED));
        if (pointer == null ? tables.read(Table.ASSIGNMENT).isEmpty()
                : tables.read(Table.ASSIGNMENT).containsKey(pointer)) {
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
