package io.supportflow.persistence;

import io.supportflow.persistence.internal.PostgresStores;
import io.supportflow.spec.model.World;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Properties;
import java.util.ServiceLoader;

/** The store factory: the one public entry point for obtaining a {@link SupportStore}. */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens (creating if needed) the durable store in {@code directory}: {@code supportflow.db} (a MapDB file in
     * checksummed pages, store format 2; a format-1 file is migrated), {@code supportflow.redo} (its redo log) and
     * {@code supportflow.lock}. Opening replays the redo log (so every commit that returned before a crash is present),
     * checks every page, reads and checks every session and assignment record, rebuilds
     * any index that disagrees with them, and compacts the file when removed keys are estimated to fill half of it.
     * The directory stays locked until {@link SupportStore#close()}.
     *
     * @throws StoreOpenException if this JVM or another process has the directory open, or a file is missing,
     *                            truncated, corrupt or of an unsupported format version (the message names the file)
     */
    public static SupportStore openMapDb(Path directory) {
        return MapDbStore.open(directory);
    }

    /**
     * Checks the file store in {@code directory} without serving it: every page of the data file against its
     * checksum, then every key and record of every table, and each order's session, journal and assignments. Repairs
     * nothing; like {@link #openMapDb}, it first replays the redo log and migrates a data file of store format 1.
     * Holds the directory lock while it runs.
     *
     * @throws StoreOpenException if there is no store in {@code directory}, or it is open in this or another process
     */
    public static StoreCheck checkMapDb(Path directory) {
        return StoreScan.run(directory);
    }

    /**
     * Opens the PostgreSQL store at {@code jdbcUrl} (e.g. {@code jdbc:postgresql://db:5432/support?user=sf}), creating
     * or upgrading its schema by numbered migrations, over a connection pool of its own that {@link SupportStore#close}
     * closes. Several processes may open one database at once: that is what this store is for (see the store contract
     * on what holds across processes). Needs {@code io.supportflow:supportflow-postgres} on the class path.
     *
     * @param connectionProperties JDBC properties such as {@code user} and {@code password}; may be empty
     * @throws StoreOpenException if the module is missing, the database cannot be reached, or its schema is newer
     *                            than this library knows
     */
    public static SupportStore openPostgres(String jdbcUrl, Properties connectionProperties) {
        return postgres().open(jdbcUrl, connectionProperties);
    }

    /** {@link #openPostgres(String, Properties)} with the credentials in the URL (or none). */
    public static SupportStore openPostgres(String jdbcUrl) {
        return openPostgres(jdbcUrl, new Properties());
    }

    /**
     * {@link #openPostgres(String, Properties)} over the caller's {@code dataSource} (a pool, usually), which the store
     * uses but does not close.
     */
    public static SupportStore openPostgres(DataSource dataSource) {
        return postgres().open(dataSource);
    }

    private static PostgresStores postgres() {
        return ServiceLoader.load(PostgresStores.class, Stores.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new StoreOpenException("no PostgreSQL store on the class path: add the dependency "
                        + "io.supportflow:supportflow-postgres (it brings the PostgreSQL driver and HikariCP)"));
    }

    /**
     * The {@link World} that guards and assignment strategies read, over {@code store}'s committed data (agent
     * registry, agent loads, ACTIVE assignments, round-robin cursor). Reads only; as consistent as the store's reads.
     */
    public static World world(SupportStore store) {
        return new StoreWorld(store);
    }

    /** A fresh in-memory store with the same contract except durability. */
    public static SupportStore inMemory() {
        return new TableStore(new MemoryTables());
    }
}
