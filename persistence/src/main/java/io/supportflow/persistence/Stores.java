package io.supportflow.persistence;

import java.nio.file.Path;

/** The store factory: the one public entry point for obtaining a {@link SupportStore}. */
public final class Stores {

    private Stores() {
    }

    /**
     * Opens (creating if needed) the durable MapDB store in {@code directory}, recovering after a crash.
     *
     * @throws StoreOpenException if another process holds the directory, or a file is truncated, corrupt or of an
     *                            unsupported format version (the message names the file)
     */
    public static SupportStore openMapDb(Path directory) {
        return MapDbStore.open(directory);
    }

    /** A fresh in-memory store with the same contract except durability. */
    public static SupportStore inMemory() {
        return new TableStore(new MemoryTables());
    }
}
