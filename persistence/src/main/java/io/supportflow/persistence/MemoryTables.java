package io.supportflow.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

    /**
     * Stores the whole batch, one write after another, restoring the replaced values if any write fails. Nothing here
     * can fail to become durable, so the batch is committed once staged: readers may see it at once.
     */
    @Override
    public BeforeImages stage(Writes writes) {
        List<Replaced> replaced = new ArrayList<>();
        try {
            writes.forEach((table, key, value) -> {
                NavigableMap<String, byte[]> map = maps.get(table);
                replaced.add(new Replaced(map, key, value == null ? map.remove(key) : map.put(key, value)));
            });
        } catch (RuntimeException | Error e) {
            for (int i = replaced.size() - 1; i >= 0; i--) {
                replaced.get(i).restore();
            }
            throw e;
        }
        return BeforeImages.NONE;
    }

    /** Nothing is durable: nothing to do. */
    @Override
    public void force(Writes writes) {
    }

    /** {@link #stage} stored everything. */
    @Override
    public void publish(Writes writes) {
    }

    /** {@link #force} never fails: nothing to drop. */
    @Override
    public void discard(Throwable failure) {
    }

    /** A value a write replaced (null: the key was absent). */
    private record Replaced(NavigableMap<String, byte[]> map, String key, byte[] old) {
        void restore() {
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
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
