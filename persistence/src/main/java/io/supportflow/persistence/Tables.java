package io.supportflow.persistence;

import java.util.NavigableMap;

/**
 * Where a store keeps its {@link Table}s: in memory, or in a MapDB file. Not thread-safe; the store locks.
 *
 * <p>A batch of writes is stored in three steps, so that readers need not wait while it goes to disk:
 * {@link #stage} (exclusive: the writes to the tables not {@link Table#inMemory()} become visible to {@link #read}),
 * {@link #force} (may run while others read, never while another batch is staged: the staged writes become durable),
 * {@link #publish} (exclusive: the writes to the {@link Table#inMemory()} tables follow). After a failed {@code force},
 * {@link #discard} (exclusive) drops the staged writes. {@link #apply} runs the three in a row.
 */
interface Tables extends AutoCloseable {

    /** The content of {@code table}, staged writes included; read only. */
    NavigableMap<String, byte[]> read(Table table);

    /**
     * Makes the writes of {@code writes} to the tables not kept {@link Table#inMemory() in memory} visible to
     * {@link #read}, not yet durable, and returns the values they replaced (what readers see until the batch is
     * published). A backend with nothing to force may store the whole batch here and return {@link BeforeImages#NONE}.
     * If it throws, none of the writes is visible.
     */
    BeforeImages stage(Writes writes);

    /**
     * Makes the staged writes durable (for a durable backend, on disk when this returns). If it throws, call
     * {@link #discard} before anything else.
     */
    void force(Writes writes);

    /** Applies the writes of {@code writes} to the {@link Table#inMemory()} tables, once they are durable. */
    void publish(Writes writes);

    /** Drops the staged writes after {@link #force} failed with {@code failure}. */
    void discard(Throwable failure);

    /** Stores every write of {@code writes} atomically, durably when this returns; if it throws, none is visible. */
    default void apply(Writes writes) {
        stage(writes);
        try {
            force(writes);
        } catch (RuntimeException | Error e) {
            discard(e);
            throw e;
        }
        publish(writes);
    }

    /** Gives back the space removals left unused, if the backend keeps any; blocks every other call meanwhile. */
    void compact();

    @Override
    void close();
}
