package io.supportflow.persistence;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The values a staged batch replaced (empty: the key was absent), for every key it writes in the tables not kept
 * {@link Table#inMemory() in memory}, recorded by {@link Tables#stage} as it writes them. Laid over the staged tables,
 * they give back the committed content, which is what readers see while the batch is on its way to disk. Not
 * thread-safe while recorded; read only afterwards.
 */
final class BeforeImages {
    static final BeforeImages NONE = new BeforeImages();

    private final Map<Table, NavigableMap<String, Optional<byte[]>>> images = new EnumMap<>(Table.class);

    /** Records that {@code key} of {@code table} held {@code before} (null: absent); a key's first record counts. */
    void record(Table table, String key, byte[] before) {
        images.computeIfAbsent(table, t -> new TreeMap<>()).putIfAbsent(key, Optional.ofNullable(before));
    }

    /** The committed value of {@code key}, given {@code staged}, the staged content of {@code table}. */
    byte[] get(Table table, NavigableMap<String, byte[]> staged, String key) {
        Optional<byte[]> before = images.getOrDefault(table, Collections.emptyNavigableMap()).get(key);
        return before != null ? before.orElse(null) : staged.get(key);
    }

    /**
     * The committed content of the keys from {@code from} (inclusive) to {@code to} (exclusive) of {@code table},
     * given {@code staged}, the staged content of that range; a null bound is open. The staged range itself when the
     * batch wrote nothing in it, else a copy with the replaced values put back.
     */
    NavigableMap<String, byte[]> range(Table table, NavigableMap<String, byte[]> staged, String from, String to) {
        NavigableMap<String, Optional<byte[]>> written = within(images.get(table), from, to);
        if (written.isEmpty()) {
            return staged;
        }
        NavigableMap<String, byte[]> committed = new TreeMap<>(staged);
        written.forEach((key, before) -> {
            if (before.isPresent()) {
                committed.put(key, before.get());
            } else {
                committed.remove(key);
            }
        });
        return Collections.unmodifiableNavigableMap(committed);
    }

    /**
     * The first {@code limit} entries of the committed content of the keys from {@code from} (inclusive) to
     * {@code to} (exclusive), given {@code staged}, the staged content of that range. Reads at most {@code limit}
     * plus the number of keys the batch wrote in the range from {@code staged}: the first {@code limit} committed
     * keys the batch did not write are among them.
     */
    NavigableMap<String, byte[]> head(Table table, NavigableMap<String, byte[]> staged, String from, String to,
                                      int limit) {
        NavigableMap<String, Optional<byte[]>> written = within(images.get(table), from, to);
        NavigableMap<String, byte[]> committed = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : staged.entrySet()) {
            if (committed.size() >= limit + written.size()) {
                break;
            }
            committed.put(entry.getKey(), entry.getValue());
        }
        written.forEach((key, before) -> {
            if (before.isPresent()) {
                committed.put(key, before.get());
            } else {
                committed.remove(key);
            }
        });
        while (committed.size() > limit) {
            committed.pollLastEntry();
        }
        return committed;
    }

    private static <V> NavigableMap<String, V> within(NavigableMap<String, V> map, String from, String to) {
        if (map == null) {
            return Collections.emptyNavigableMap();
        }
        NavigableMap<String, V> tail = from == null ? map : map.tailMap(from, true);
        return to == null ? tail : tail.headMap(to, false);
    }
}
