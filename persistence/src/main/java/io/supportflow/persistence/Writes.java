package io.supportflow.persistence;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The writes a batch plans before anything is stored: reads see the planned writes first, then the parent's, then
 * the committed tables. Planning one commit in a {@link #child()} and {@link #absorb absorbing} it only when the
 * commit is accepted is what makes a refused commit write nothing.
 */
final class Writes {

    /** Receives each planned write; {@code value} is null for a delete. */
    interface Sink {
        void write(Table table, String key, byte[] value);
    }

    private final Tables committed;
    private final Writes parent;
    private final Map<Table, Map<String, Optional<byte[]>>> planned = new EnumMap<>(Table.class);

    Writes(Tables committed) {
        this(committed, null);
    }

    private Writes(Tables committed, Writes parent) {
        this.committed = committed;
        this.parent = parent;
    }

    Writes child() {
        return new Writes(committed, this);
    }

    /** The value as it will be once the planned writes are stored; null when absent or deleted. */
    byte[] get(Table table, String key) {
        Optional<byte[]> mine = planned.getOrDefault(table, Map.of()).get(key);
        if (mine != null) {
            return mine.orElse(null);
        }
        return parent != null ? parent.get(table, key) : committed.read(table).get(key);
    }

    /** How many keys of {@code table} starting with {@code prefix} there will be once the planned writes are stored. */
    int count(Table table, String prefix) {
        return keys(table, prefix, Keys.prefixEnd(prefix)).size();
    }

    private Set<String> keys(Table table, String prefix, String end) {
        Set<String> keys = parent != null ? parent.keys(table, prefix, end)
                : new HashSet<>(committed.read(table).subMap(prefix, true, end, false).keySet());
        applyTo(keys, table, prefix, end);
        return keys;
    }

    private void applyTo(Set<String> keys, Table table, String prefix, String end) {
        planned.getOrDefault(table, Map.of()).forEach((key, value) -> {
            if (key.compareTo(prefix) >= 0 && key.compareTo(end) < 0) {
                if (value.isPresent()) {
                    keys.add(key);
                } else {
                    keys.remove(key);
                }
            }
        });
    }

    void put(Table table, String key, byte[] value) {
        plan(table, key, Optional.of(value));
    }

    void delete(Table table, String key) {
        plan(table, key, Optional.empty());
    }

    /** Takes over every write planned in {@code child}. */
    void absorb(Writes child) {
        child.planned.forEach((table, writes) -> writes.forEach((key, value) -> plan(table, key, value)));
    }

    /** Whether a write is planned in a table that {@code tables} accepts. */
    boolean touches(Predicate<Table> tables) {
        return planned.entrySet().stream().anyMatch(e -> tables.test(e.getKey()) && !e.getValue().isEmpty());
    }

    /** How many deletes are planned in tables that {@code tables} accepts. */
    long deletes(Predicate<Table> tables) {
        return planned.entrySet().stream().filter(e -> tables.test(e.getKey()))
                .mapToLong(e -> e.getValue().values().stream().filter(Optional::isEmpty).count()).sum();
    }

    boolean isEmpty() {
        return planned.values().stream().allMatch(Map::isEmpty);
    }

    void forEach(Sink sink) {
        planned.forEach((table, writes) -> writes.forEach((key, value) -> sink.write(table, key, value.orElse(null))));
    }

    private void plan(Table table, String key, Optional<byte[]> value) {
        planned.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, value);
    }
}
