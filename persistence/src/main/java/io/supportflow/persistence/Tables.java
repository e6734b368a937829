package io.supportflow.persistence;

import java.util.NavigableMap;

/** Where a store keeps its {@link Table}s: in memory, or in a MapDB file. Not thread-safe; the store locks. */
interface Tables extends AutoCloseable {

    /** The committed content of {@code table}; read only. */
    NavigableMap<String, byte[]> read(Table table);

    /**
     * Stores every write of {@code writes} atomically; for a durable backend, on disk when this returns.
     * If it throws, none of the writes is visible.
     */
    void apply(Writes writes);

    /** Gives back the space removals left unused, if the backend keeps any; blocks every other call meanwhile. */
    void compact();

    @Override
    void close();
}
