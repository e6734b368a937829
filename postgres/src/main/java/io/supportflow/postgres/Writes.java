package io.supportflow.postgres;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.internal.Records;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.supportflow.postgres.PostgresStore.bind;
import static io.supportflow.postgres.PostgresStore.key;
import static io.supportflow.postgres.PostgresStore.one;

/** The statements of one commit, inside the caller's transaction. */
final class Writes {
    private static final String INSERT_SESSION = "INSERT INTO sf_session (version, state, agent_id, deadline_second,"
            + " deadline_nano, record, order_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING";
    private static final String UPDATE_SESSION = "UPDATE sf_session SET version = ?, state = ?, agent_id = ?,"
            + " deadline_second = ?, deadline_nano = ?, record = ? WHERE order_id = ? AND version = ?";
    private static final String UPSERT_ASSIGNMENT = "INSERT INTO sf_assignment (order_id, start_version, agent_id,"
            + " active, record) VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id, start_version) DO UPDATE SET"
            + " agent_id = excluded.agent_id, active = excluded.active, record = excluded.record";

    /** The first key of the agents' advisory locks (the second is the agent id's hash). */
    private static final int AGENT_LOCKS = 0x5346_4147;

    private Writes() {
    }

    /**
     * Writes {@code commit}, or nothing when the stored version is not its expected one: then returns the refusal.
     * The session row is written first, conditionally: under READ COMMITTED a concurrent writer of the same row
     * makes this statement wait for it and then re-check the version on the row it committed.
     */
    static StaleVersionException commit(Database.Statements sql, Commit commit) throws SQLException {
        if (commit.capacities().isEmpty()) {
            return write(sql, commit);
        }
        Savepoint before = sql.connection().setSavepoint();
        StaleVersionException refused = write(sql, commit);
        if (refused == null) {
            refused = overCapacity(sql, commit);
        }
        if (refused != null) {
            sql.connection().rollback(before);
        } else {
            sql.connection().releaseSavepoint(before);
        }
        return refused;
    }

    /**
     * Takes the transaction-scoped lock of every agent that {@code commits} hold to a capacity, in agent-id order
     * and before any row lock: a count of an agent's ACTIVE assignments made under its lock sees every commit of
     * another transaction that counted under it before. Commits without a capacity condition only end assignments
     * of limited agents or start assignments of unlimited ones, so they need not take it.
     */
    static void lockAgents(Database.Statements sql, List<Commit> commits) throws SQLException {
        SortedSet<String> agents = new TreeSet<>();
        commits.forEach(commit -> agents.addAll(commit.capacities().keySet()));
        PreparedStatement lock = sql.sql("SELECT pg_advisory_xact_lock(" + AGENT_LOCKS + ", ?)");
        for (String agent : agents) {
            lock.setInt(1, agent.hashCode());
            lock.executeQuery().close();
        }
    }

    private static StaleVersionException overCapacity(Database.Statements sql, Commit commit) throws SQLException {
        for (Map.Entry<String, Integer> limit : commit.capacities().entrySet()) {
            int load = one(sql.sql("SELECT count(*) FROM sf_assignment WHERE agent_id = ? AND active"),
                    rows -> rows.getInt(1), key(limit.getKey())).orElseThrow();
            if (load > limit.getValue()) {
                return StaleVersionException.atCapacity(commit.session().orderId(), commit.expectedVersion(),
                        limit.getKey(), limit.getValue());
            }
        }
        return null;
    }

    private static StaleVersionException write(Database.Statements sql, Commit commit) throws SQLException {
        Session session = commit.session();
        if (writeSession(sql, commit) == 0) {
            long actual = one(sql.sql("SELECT version FROM sf_session WHERE order_id = ?"), rows -> rows.getLong(1),
                    key(session.orderId())).orElse(0L);
            return new StaleVersionException(session.orderId(), commit.expectedVersion(), actual);
        }
        PreparedStatement journal = sql.sql("INSERT INTO sf_journal (order_id, version, record, command_id)"
                + " VALUES (?, ?, ?, ?)");
        bind(journal, key(session.orderId()), session.version(), Records.journalEntry(commit.entry()),
                commit.commandId());
        journal.executeUpdate();
        for (Assignment a : commit.assignments()) {
            PreparedStatement upsert = sql.sql(UPSERT_ASSIGNMENT);
            bind(upsert, key(a.orderId()), a.startVersion(), key(a.agentId()), a.active(), Records.assignment(a));
            upsert.executeUpdate();
        }
        PreparedStatement outbox = sql.sql("INSERT INTO sf_outbox (order_id, version) VALUES (?, ?)");
        bind(outbox, key(session.orderId()), session.version());
        outbox.executeUpdate();
        return null;
    }

    private static int writeSession(Database.Statements sql, Commit commit) throws SQLException {
        Session s = commit.session();
        boolean first = commit.expectedVersion() == 0;
        PreparedStatement write = sql.sql(first ? INSERT_SESSION : UPDATE_SESSION);
        Long second = s.idleDeadline() == null ? null : s.idleDeadline().getEpochSecond();
        Integer nano = s.idleDeadline() == null ? null : s.idleDeadline().getNano();
        bind(write, s.version(), s.state(), s.agent() == null ? null : key(s.agent().id()), second, nano,
                Records.session(s), key(s.orderId()));
        if (!first) {
            write.setLong(8, commit.expectedVersion());
        }
        return write.executeUpdate();
    }
}
