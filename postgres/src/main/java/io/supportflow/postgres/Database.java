package io.supportflow.postgres;

import io.supportflow.persistence.StoreAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs units of work on pooled connections: each in one transaction (READ COMMITTED), retried from the start when
 * PostgreSQL aborts it for a deadlock or a serialisation failure (nothing of it was stored). Other failures become
 * {@link StoreAccessException}s; one raised while COMMIT was on its way says that the outcome is unknown.
 */
final class Database {
    private static final int ATTEMPTS = 5;

    /** A unit of work on one transaction's statements. */
    interface Work<T> {
        T run(Statements statements) throws SQLException;
    }

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt == ATTEMPTS || !retryable(e)) {
                    throw new StoreAccessException(what + " failed: " + e.getMessage(), false, e);
                }
            } catch (CommitFailed e) {
                throw new StoreAccessException(what + ": the connection failed while committing, the outcome is "
                        + "unknown: " + e.getCause().getMessage(), true, e.getCause());
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statements statements = new Statements(connection)) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(statements);
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new CommitFailed(e);
            }
            return result;
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Deadlock detected, serialisation failure: PostgreSQL rolled the transaction back and asks for a retry. */
    private static boolean retryable(SQLException e) {
        return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    /** The prepared statements of one transaction, each prepared once. */
    static final class Statements implements AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Statements(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement sql(String sql) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            return statement;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : prepared.values()) {
                statement.close();
            }
        }
    }

    private static final class CommitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailed(SQLException cause) {
            super(cause);
        }
    }
}
