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

    /** Applies the writes one by one, remembering the values they replace, and restores those if any write fails. */
    @Override
    public void apply(Writes writes) {
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            writes.forEach((table, key, value) -> {
                NavigableMap<String, byte[]> map = maps.get(table);
                byte[] old = value == null ? map.remove(key) : map.put(key, value);
                undo.push(old == null ? () -> map.remove(key) : () -> map.put(key, old));
            });
        } catch (RuntimeException | Error e) {
            undo.forEach(Runnable::run);
            throw e;
        }
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
