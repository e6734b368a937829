package io.supportflow.benchmarks;

import org.mapdb.DB;
import org.mapdb.Serializer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Item 5's baseline: raw MapDB in the store's file mode holding as many records as the store holds sessions, each
 * the bytes of an opened session (session record and journal entry), committed {@value #BATCH} at a time.
 */
final class RawStoreProbe {
    private static final int BATCH = 10_000;
    private static final int OPEN_REPEATS = 3;

    private RawStoreProbe() {
    }

    /** Fills, closes, measures the file and the median reopen time; the scratch file is deleted afterwards. */
    static Figures measure(int records) {
        Path directory = ScratchDirectory.create("raw-store");
        Path file = directory.resolve("records.db");
        try {
            byte[] opened = CycleRecords.of("fill-0").get(0);
            try (DB db = MapDbMode.open(file)) {
                Map<String, byte[]> map =
                        db.treeMap("records", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
                for (int i = 0; i < records; i++) {
                    map.put("fill-" + i, opened);
                    if ((i + 1) % BATCH == 0) {
                        db.commit();
                    }
                }
                db.commit();
            }
            return new Figures(ScratchDirectory.size(directory), medianOpenMillis(file, records));
        } finally {
            ScratchDirectory.delete(directory);
        }
    }

    private static double medianOpenMillis(Path file, int records) {
        double[] millis = new double[OPEN_REPEATS];
        for (int i = 0; i < OPEN_REPEATS; i++) {
            long start = System.nanoTime();
            try (DB db = MapDbMode.open(file)) {
                Map<String, byte[]> map = db.treeMap("records", Serializer.STRING, Serializer.BYTE_ARRAY).open();
                millis[i] = (System.nanoTime() - start) / 1e6;
                int count = map.size();
                if (count != records) {
                    throw new IllegalStateException("reopened map holds " + count + " records, not " + records);
                }
            }
        }
        Arrays.sort(millis);
        return millis[OPEN_REPEATS / 2];
    }

    /**
     * @param fileBytes  size of the MapDB file(s)
     * @param openMillis median time to open the file and its map (records are counted afterwards, untimed)
     */
    record Figures(long fileBytes, double openMillis) {
    }
}
