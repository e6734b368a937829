package io.supportflow.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.supportflow.postgres.PostgresServer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Baseline: raw JDBC on the same PostgreSQL server, one transaction per command writing what the engine's commit of
 * a cycle step writes at least: the session row (upsert), its journal row and its outbox row, then COMMIT. Pooled
 * connections (HikariCP, as the store), one per client at most. The floor for a store that commits each command in
 * its own transaction.
 */
@State(Scope.Benchmark)
public class RawJdbc {
    private static final int POOL = 64;
    private static final String SCHEMA = """
            CREATE TABLE session (order_id text PRIMARY KEY, version bigint NOT NULL, record bytea NOT NULL);
            CREATE TABLE journal (order_id text, version bigint, record bytea NOT NULL,
                PRIMARY KEY (order_id, version));
            CREATE TABLE outbox (sequence bigserial PRIMARY KEY, order_id text NOT NULL, version bigint NOT NULL)""";

    private HikariDataSource pool;
    private List<byte[]> cycle;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PostgresServer.shared().newDatabase());
        config.setMaximumPoolSize(POOL);
        config.setAutoCommit(false);
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : SCHEMA.split(";")) {
                sql.execute(table);
            }
            connection.commit();
        }
        cycle = CycleRecords.of("order-1-0");
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    void write(String orderId, int step) throws SQLException {
        long version = step + 1L;
        byte[] record = cycle.get(step);
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement session = connection.prepareStatement("INSERT INTO session VALUES (?, ?, ?)"
                    + " ON CONFLICT (order_id) DO UPDATE SET version = excluded.version, record = excluded.record");
                 PreparedStatement journal = connection.prepareStatement("INSERT INTO journal VALUES (?, ?, ?)");
                 PreparedStatement outbox = connection.prepareStatement(
                         "INSERT INTO outbox (order_id, version) VALUES (?, ?)")) {
                bind(session, orderId, version, record).executeUpdate();
                bind(journal, orderId, version, record).executeUpdate();
                outbox.setString(1, orderId);
                outbox.setLong(2, version);
                outbox.executeUpdate();
            }
            connection.commit();
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, String orderId, long version, byte[] record)
            throws SQLException {
        statement.setString(1, orderId);
        statement.setLong(2, version);
        statement.setBytes(3, record);
        return statement;
    }
}
