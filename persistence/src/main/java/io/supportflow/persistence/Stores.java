package io.supportflow.persistence;

import io.supportflow.spec.model.World;

import java.nio.file.Path;

/** The store factory: the one public entry point for obtaining a {@link SupportStore}. */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens (creating if needed) the durable store in {@code directory}: {@code supportflow.db} (a MapDB file),
     * {@code supportflow.redo} (its redo log) and {@code supportflow.lock}. Opening replays the redo log (so every
     * commit that returned before a crash is present), reads and checks every session and assignment record, rebuilds
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
