package io.supportflow.postgres;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.StoreAccessException;
import io.supportflow.persistence.StoreOpenException;
import io.supportflow.persistence.SupportStore;
import io.supportflow.persistence.internal.Records;
import io.supportflow.persistence.internal.Wtf8;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@link SupportStore} on PostgreSQL: one row per record (the record codec's bytes, so both stores hold the same
 * values), the derived indexes as SQL indexes over columns written by the same statements, one transaction per
 * {@link #commitAll}. The version check is the conditional update of the session row, so a commit whose expected
 * version another transaction (of any process) has moved on is refused. Lists the contract calls sorted are sorted
 * here, in Java string order (the columns are bytes).
 */
final class PostgresStore implements SupportStore {
    private static final Comparator<Due> BY_DEADLINE =
            Comparator.comparing(Due::deadline).thenComparing(Due::orderId);

    private static final String CLAIMABLE = "SELECT o.order_id FROM sf_outbox o"
            + " LEFT JOIN sf_outbox_lease l ON l.order_id = o.order_id"
            + " WHERE l.order_id IS NULL OR l.until < now() OR l.owner = ?"
            + " GROUP BY o.order_id ORDER BY min(o.sequence) LIMIT ?";
    private static final String CLAIM = "INSERT INTO sf_outbox_lease (order_id, owner, until)"
            + " VALUES (?, ?, now() + ? * interval '1 microsecond') ON CONFLICT (order_id) DO UPDATE"
            + " SET owner = excluded.owner, until = excluded.until"
            + " WHERE sf_outbox_lease.until < now() OR sf_outbox_lease.owner = excluded.owner";
    private static final String LEASED = "SELECT j.record FROM sf_outbox o"
            + " JOIN sf_outbox_lease l ON l.order_id = o.order_id AND l.owner = ? AND l.until >= now()"
            + " JOIN sf_journal j ON j.order_id = o.order_id AND j.version = o.version ORDER BY o.sequence LIMIT ?";

    private static final String DUE_UNCLAIMED = "SELECT s.order_id, s.deadline_second, s.deadline_nano"
            + " FROM sf_session s LEFT JOIN sf_timer_claim c ON c.order_id = s.order_id"
            + " WHERE s.deadline_second IS NOT NULL AND (s.deadline_second, s.deadline_nano) <= (?, ?)"
            + " AND (c.order_id IS NULL OR c.owner = ? OR c.until < now()"
            + " OR (c.deadline_second, c.deadline_nano) <> (s.deadline_second, s.deadline_nano))"
            + " ORDER BY s.deadline_second, s.deadline_nano LIMIT ? FOR UPDATE OF s SKIP LOCKED";
    private static final String CLAIM_TIMER = "INSERT INTO sf_timer_claim AS c"
            + " (order_id, deadline_second, deadline_nano, owner, until)"
            + " VALUES (?, ?, ?, ?, now() + ? * interval '1 microsecond') ON CONFLICT (order_id) DO UPDATE"
            + " SET deadline_second = excluded.deadline_second, deadline_nano = excluded.deadline_nano,"
            + " owner = excluded.owner, until = excluded.until"
            + " WHERE c.owner = excluded.owner OR c.until < now()"
            + " OR (c.deadline_second, c.deadline_nano) <> (excluded.deadline_second, excluded.deadline_nano)"
            + " RETURNING order_id";

    private final Database database;
    private final AutoCloseable owned;
    private volatile boolean closed;

    private PostgresStore(Database database, AutoCloseable owned) {
        this.database = database;
        this.owned = owned;
    }

    /** Migrates the schema, then serves; {@code owned} is closed with the store. */
    static PostgresStore open(DataSource dataSource, AutoCloseable owned, String where) {
        Database database = new Database(dataSource);
        try {
            Migrations.apply(database, where);
        } catch (StoreAccessException e) {
            throw new StoreOpenException("cannot open the PostgreSQL store at " + where + ": " + e.getMessage(), e);
        }
        return new PostgresStore(database, owned);
    }

    @Override
    public Optional<Session> load(String orderId) {
        return read("load", sql -> one(sql.sql("SELECT record FROM sf_session WHERE order_id = ?"),
                rows -> Records.session(rows.getBytes(1)), key(orderId)));
    }

    /**
     * Agents' locks first (see {@link Writes#lockAgents}), then the commits in order-id order (stable, so one order's
     * keep their list order): every transaction takes its locks in the same order, so none waits for another in a
     * cycle.
     */
    @Override
    public List<StaleVersionException> commitAll(List<Commit> commits) {
        ensureOpen();
        if (commits.isEmpty()) {
            return List.of();
        }
        Integer[] order = new Integer[commits.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> commits.get(i).session().orderId()));
        return database.inTransaction("commit", sql -> {
            StaleVersionException[] results = new StaleVersionException[commits.size()];
            Writes.lockAgents(sql, commits);
            for (int i : order) {
                results[i] = Writes.commit(sql, commits.get(i));
            }
            return Collections.unmodifiableList(Arrays.asList(results));
        });
    }

    @Override
    public Optional<Long> committedVersion(String orderId, String commandId) {
        return read("committed version", sql -> one(sql.sql(
                "SELECT version FROM sf_journal WHERE order_id = ? AND command_id = ?"), rows -> rows.getLong(1),
                key(orderId), commandId));
    }

    @Override
    public List<JournalEntry> journal(String orderId) {
        return read("journal", sql -> all(sql.sql("SELECT record FROM sf_journal WHERE order_id = ? ORDER BY version"),
                rows -> Records.journalEntry(rows.getBytes(1)), key(orderId)));
    }

    @Override
    public List<Assignment> assignments(String orderId) {
        return read("assignments", sql -> all(sql.sql(
                        "SELECT record FROM sf_assignment WHERE order_id = ? ORDER BY start_version"),
                rows -> Records.assignment(rows.getBytes(1)), key(orderId)));
    }

    @Override
    public List<String> ordersInState(String state) {
        return sorted(read("orders in state", sql -> all(sql.sql("SELECT order_id FROM sf_session WHERE state = ?"),
                rows -> text(rows.getBytes(1)), state)));
    }

    @Override
    public List<String> ordersWithAgent(String agentId) {
        return sorted(read("orders with agent", sql -> all(sql.sql(
                "SELECT order_id FROM sf_session WHERE agent_id = ?"), rows -> text(rows.getBytes(1)), key(agentId))));
    }

    /** Ordered by the bytes of the ids (the WTF-8 encoding: code point order), which the index on (state, order_id) gives. */
    @Override
    public List<String> ordersInState(String state, String after, int limit) {
        checkLimit(limit);
        return after == null
                ? read("orders in state", sql -> all(sql.sql("SELECT order_id FROM sf_session WHERE state = ?"
                        + " ORDER BY order_id LIMIT ?"), rows -> text(rows.getBytes(1)), state, limit))
                : read("orders in state", sql -> all(sql.sql("SELECT order_id FROM sf_session WHERE state = ?"
                        + " AND order_id > ? ORDER BY order_id LIMIT ?"), rows -> text(rows.getBytes(1)), state,
                        key(after), limit));
    }

    @Override
    public List<String> ordersWithAgent(String agentId, String after, int limit) {
        checkLimit(limit);
        return after == null
                ? read("orders with agent", sql -> all(sql.sql("SELECT order_id FROM sf_session WHERE agent_id = ?"
                        + " ORDER BY order_id LIMIT ?"), rows -> text(rows.getBytes(1)), key(agentId), limit))
                : read("orders with agent", sql -> all(sql.sql("SELECT order_id FROM sf_session WHERE agent_id = ?"
                        + " AND order_id > ? ORDER BY order_id LIMIT ?"), rows -> text(rows.getBytes(1)),
                        key(agentId), key(after), limit));
    }

    @Override
    public List<JournalEntry> journal(String orderId, long afterVersion, int limit) {
        checkLimit(limit);
        if (afterVersion < 0) {
            throw new IllegalArgumentException("afterVersion must not be negative: " + afterVersion);
        }
        return read("journal", sql -> all(sql.sql("SELECT record FROM sf_journal WHERE order_id = ? AND version > ?"
                        + " ORDER BY version LIMIT ?"), rows -> Records.journalEntry(rows.getBytes(1)), key(orderId),
                afterVersion, limit));
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item: limit " + limit);
        }
    }

    @Override
    public int agentLoad(String agentId) {
        return read("agent load", sql -> one(sql.sql(
                "SELECT count(*) FROM sf_assignment WHERE agent_id = ? AND active"), rows -> rows.getInt(1),
                key(agentId))).orElseThrow();
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return read("last assigned agent", sql -> one(sql.sql(
                "SELECT agent_id FROM sf_assignment ORDER BY started DESC LIMIT 1"), rows -> text(rows.getBytes(1))));
    }

    @Override
    public List<String> dueTimers(Instant now) {
        List<Due> due = new ArrayList<>(read("due timers", sql -> all(sql.sql(
                "SELECT order_id, deadline_second, deadline_nano FROM sf_session WHERE deadline_second IS NOT NULL"
                        + " AND (deadline_second, deadline_nano) <= (?, ?)"),
                rows -> new Due(instant(rows, 2), text(rows.getBytes(1))), now.getEpochSecond(), now.getNano())));
        due.sort(BY_DEADLINE);
        return due.stream().map(Due::orderId).toList();
    }

    /**
     * One transaction: the due sessions (earliest first) whose deadline is unclaimed, claimed for another deadline,
     * run out, or this owner's, locked {@code FOR UPDATE SKIP LOCKED} so that processes claiming at the same moment
     * take different timers; each claimed or renewed by a conditional upsert (of two owners racing for one, the row
     * lock on the claim lets one win). Claims of every owner that have run out are dropped first.
     */
    @Override
    public List<String> claimDueTimers(String owner, Instant now, Duration lease, int limit) {
        ensureOpen();
        List<Due> claimed = database.inTransaction("claim due timers", sql -> {
            sql.sql("DELETE FROM sf_timer_claim WHERE until < now()").executeUpdate();
            List<Due> due = all(sql.sql(DUE_UNCLAIMED), rows -> new Due(instant(rows, 2), text(rows.getBytes(1))),
                    now.getEpochSecond(), now.getNano(), owner, limit);
            List<Due> won = new ArrayList<>();
            PreparedStatement claim = sql.sql(CLAIM_TIMER);
            long micros = TimeUnit.NANOSECONDS.toMicros(lease.toNanos());
            for (Due d : due) {
                if (one(claim, rows -> true, key(d.orderId()), d.deadline().getEpochSecond(), d.deadline().getNano(),
                        owner, micros).isPresent()) {
                    won.add(d);
                }
            }
            return won;
        });
        List<Due> sorted = new ArrayList<>(claimed);
        sorted.sort(BY_DEADLINE);
        return sorted.stream().map(Due::orderId).toList();
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return read("next deadline", sql -> one(sql.sql("SELECT deadline_second, deadline_nano FROM sf_session"
                + " WHERE deadline_second IS NOT NULL ORDER BY deadline_second, deadline_nano LIMIT 1"),
                rows -> instant(rows, 1)));
    }

    @Override
    public List<JournalEntry> pendingOutbox(int limit) {
        return read("pending outbox", sql -> all(sql.sql("SELECT j.record FROM sf_outbox o JOIN sf_journal j"
                        + " ON j.order_id = o.order_id AND j.version = o.version ORDER BY o.sequence LIMIT ?"),
                rows -> Records.journalEntry(rows.getBytes(1)), limit));
    }

    /**
     * One transaction: picks the orders with pending entries (oldest first) whose lease is free, run out, or this
     * owner's; claims or renews each with a conditional upsert (of two owners racing for one order, the row lock
     * lets one win); returns the pending entries of the orders this owner now holds.
     */
    @Override
    public List<JournalEntry> claimOutbox(String owner, Duration lease, int limit) {
        ensureOpen();
        return database.inTransaction("claim outbox", sql -> {
            List<byte[]> claimable = all(sql.sql(CLAIMABLE), rows -> rows.getBytes(1), owner, limit);
            if (!claimable.isEmpty()) {
                PreparedStatement claim = sql.sql(CLAIM);
                for (byte[] order : claimable) {
                    bind(claim, order, owner, TimeUnit.NANOSECONDS.toMicros(lease.toNanos()));
                    claim.addBatch();
                }
                claim.executeBatch();
            }
            return all(sql.sql(LEASED), rows -> Records.journalEntry(rows.getBytes(1)), owner, limit);
        });
    }

    @Override
    public void acknowledge(String orderId, long version) {
        acknowledgeAll(List.of(new EntryId(orderId, version)));
    }

    @Override
    public void acknowledgeAll(List<EntryId> entries) {
        ensureOpen();
        if (entries.isEmpty()) {
            return;
        }
        database.inTransaction("acknowledge", sql -> {
            PreparedStatement delete = sql.sql("DELETE FROM sf_outbox WHERE order_id = ? AND version = ?");
            for (EntryId entry : entries) {
                delete.setBytes(1, key(entry.orderId()));
                delete.setLong(2, entry.version());
                delete.addBatch();
            }
            delete.executeBatch();
            PreparedStatement release = sql.sql("DELETE FROM sf_outbox_lease l WHERE l.order_id = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM sf_outbox o WHERE o.order_id = l.order_id)");
            for (String order : entries.stream().map(EntryId::orderId).distinct().toList()) {
                release.setBytes(1, key(order));
                release.addBatch();
            }
            release.executeBatch();
            return null;
        });
    }

    @Override
    public void putAgent(AgentProfile profile) {
        ensureOpen();
        database.inTransaction("register agent", sql -> {
            PreparedStatement upsert = sql.sql("INSERT INTO sf_agent (agent_id, record) VALUES (?, ?)"
                    + " ON CONFLICT (agent_id) DO UPDATE SET record = excluded.record");
            upsert.setBytes(1, key(profile.agentId()));
            upsert.setBytes(2, Records.agentProfile(profile));
            upsert.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return read("agent", sql -> one(sql.sql("SELECT record FROM sf_agent WHERE agent_id = ?"),
                rows -> Records.agentProfile(rows.getBytes(1)), key(agentId)));
    }

    @Override
    public List<AgentProfile> agents() {
        List<AgentProfile> agents = new ArrayList<>(read("agents", sql -> all(sql.sql("SELECT record FROM sf_agent"),
                rows -> Records.agentProfile(rows.getBytes(1)))));
        agents.sort(Comparator.comparing(AgentProfile::agentId));
        return Collections.unmodifiableList(agents);
    }

    @Override
    public long sessionCount() {
        return read("session count", sql -> one(sql.sql("SELECT count(*) FROM sf_session"),
                rows -> rows.getLong(1))).orElseThrow();
    }

    /** PostgreSQL gives space back itself (autovacuum); nothing to do. */
    @Override
    public void compact() {
        ensureOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            owned.close();
        } catch (Exception e) {
            throw new StoreAccessException("closing the PostgreSQL store failed: " + e.getMessage(), false, e);
        }
    }

    private <T> T read(String what, Database.Work<T> work) {
        ensureOpen();
        return database.inTransaction(what, work);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }

    /** Reads the current row. */
    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** The first row {@code query} finds with {@code parameters}, if any. */
    static <T> Optional<T> one(PreparedStatement query, Row<T> row, Object... parameters) throws SQLException {
        List<T> rows = all(query, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static <T> List<T> all(PreparedStatement query, Row<T> row, Object... parameters) throws SQLException {
        bind(query, parameters);
        List<T> values = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(row.read(rows));
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Binds byte arrays, texts, numbers and nulls (of the type the statement gives the parameter) in order. */
    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                statement.setNull(i + 1, Types.OTHER);
            } else if (p instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }

    /** An id as stored: the record codec's encoding of the text. */
    static byte[] key(String id) {
        return Wtf8.encode(id);
    }

    static String text(byte[] key) {
        return Wtf8.decode(key);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return Instant.ofEpochSecond(rows.getLong(column), rows.getInt(column + 1));
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return Collections.unmodifiableList(copy);
    }

    private record Due(Instant deadline, String orderId) {
    }
}
