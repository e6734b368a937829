package io.supportflow.postgres;

import io.supportflow.persistence.StoreOpenException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, created and upgraded by numbered SQL files ({@code V<n>__<name>.sql} beside this class), each applied
 * in one transaction that also records it in {@code sf_schema_version}. Every transaction first takes a
 * transaction-scoped advisory lock, so processes opening one database at once apply each file once. A database whose
 * schema is newer than this library knows is refused.
 */
final class Migrations {
    /** The files, in order; version n is the n-th. */
    private static final List<String> FILES = List.of("V1__schema.sql", "V2__outbox_lease.sql",
            "V3__command_ids.sql", "V4__timer_claims.sql");
    private static final long LOCK = 0x5F5F_7375_7070_6F72L;

    private Migrations() {
    }

    static void apply(Database database, String where) {
        for (int version = 1; version <= FILES.size(); version++) {
            String file = FILES.get(version - 1);
            int target = version;
            database.inTransaction("migrating " + where + " to schema version " + version, statements -> {
                try (Statement sql = statements.connection().createStatement()) {
                    sql.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
                    sql.execute("CREATE TABLE IF NOT EXISTS sf_schema_version (version integer PRIMARY KEY, "
                            + "file text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
                    int applied = applied(sql);
                    if (applied > FILES.size()) {
                        throw new StoreOpenException(where + " has schema version " + applied + "; this library "
                                + "knows versions up to " + FILES.size() + " (written by a newer supportflow?)");
                    }
                    if (applied < target) {
                        sql.execute(script(file));
                        sql.execute("INSERT INTO sf_schema_version (version, file) VALUES (" + target + ", '"
                                + file + "')");
                    }
                }
                return null;
            });
        }
    }

    private static int applied(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SELECT coalesce(max(version), 0) FROM sf_schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String script(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
