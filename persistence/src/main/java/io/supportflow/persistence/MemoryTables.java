package io.supportflow.persistence;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Tables in sorted maps on the heap; nothing survives the process. */
final class MemoryTables implements Tables {
    private final Map<Table, NavigableMap<String, byte[]>> maps = new EnumMap<>(Table.class);

    MemoryTables() {
        for (Table table : Table.values()) {
            maps.put(table, new TreeMap<>());
        }
    }

    @Override
    public NavigableMap<String, byte[]> read(Table table) {
        return Collections.unmodifiableNavigableMap(maps.get(table));
    }

    @Override
    public BeforeImages stage(Writes writes) {
        return write(writes, false);
    }

    /** Nothing is durable: nothing to do. */
    @Override
    public void force(Writes writes) {
    }

    @Override
    public void publish(Writes writes) {
        write(writes, true);
    }

    /** {@link #force} never fails: nothing to drop. */
    @Override
    public void discard(Throwable failure) {
    }

    /**
     * Applies the writes to the tables kept in memory ({@code inMemory}) or the others, one by one, and returns the
     * values they replaced; restores those if any write fails.
     */
    private BeforeImages write(Writes writes, boolean inMemory) {
        BeforeImages replaced = new BeforeImages();
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            writes.forEach((table, key, value) -> {
                if (table.inMemory() == inMemory) {
                    NavigableMap<String, byte[]> map = maps.get(table);
                    byte[] old = value == null ? map.remove(key) : map.put(key, value);
                    replaced.record(table, key, old);
                    undo.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
                }
            });
        } catch (RuntimeException | Error e) {
            undo.forEach(Runnable::run);
            throw e;
        }
        return replaced;
    }

    /** Sorted maps keep no garbage: nothing to do. */
    @Override
    public void compact() {
    }

    @Override
    public void close() {
        maps.values().forEach(Map::clear);
    }
}
