package io.supportflow.persistence;

import io.supportflow.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The store contract suite on a real PostgreSQL server, a fresh database per test. */
class PostgresSupportStoreTest extends SupportStoreContract {
    private static final List<String> TABLES =
            List.of("sf_session", "sf_journal", "sf_assignment", "sf_agent", "sf_outbox", "sf_outbox_lease",
            "sf_schema_version");
    private String url;

    @Override
    SupportStore newStore() {
        url = PostgresServer.shared().newDatabase();
        return Stores.openPostgres(url);
    }

    /** Every row of every table, each column in hex or as text, rows sorted. */
    @Override
    Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            for (String table : TABLES) {
                Map<String, String> rows = new TreeMap<>();
                try (ResultSet result = sql.executeQuery("SELECT * FROM " + table)) {
                    while (result.next()) {
                        String row = row(result);
                        rows.merge(row, row, (a, b) -> a + " (twice)");
                    }
                }
                tables.put(table, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static String row(ResultSet result) throws SQLException {
        ResultSetMetaData columns = result.getMetaData();
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
            Object value = result.getObject(c);
            row.append(columns.getColumnName(c)).append('=')
                    .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
                    .append(' ');
        }
        return row.toString();
    }
}
