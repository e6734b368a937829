package io.supportflow.persistence;

import org.mapdb.DB;
import org.mapdb.DBMaker;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes a complete store under the {@code .new} names of a {@link StoreFiles}: an empty one, or a compact copy of
 * live tables. Nothing here needs crash safety (an unfinished {@code .new} file is discarded), so MapDB writes its file
 * directly, which is then copied as checked pages ({@link PageFile}) into the new data file, forced once at the end,
 * and an empty redo log is written beside it.
 */
final class FreshStore {

    private FreshStore() {
    }

    /** An empty store of the current table layout. */
    static void empty(StoreFiles files) throws IOException {
        write(files, table -> table == Table.META
                ? new TreeMap<>(Map.of(Meta.LAYOUT, Meta.longValue(Meta.LAYOUT_VERSION)))
                : new TreeMap<>());
    }

    /**
     * A copy of the tables on disk given by {@code source}, with B-tree nodes packed and no free space; the
     * {@link Meta#REMOVALS} counter starts again from zero.
     */
    static void copy(StoreFiles files, Function<Table, NavigableMap<String, byte[]>> source) throws IOException {
        write(files, source);
    }

    private static void write(StoreFiles files, Function<Table, NavigableMap<String, byte[]>> source)
            throws IOException {
        files.clearLeftovers();
        DB db = DBMaker.fileDB(files.rawData().toFile()).fileChannelEnable().make();
        try {
            for (Table table : Table.values()) {
                if (!table.inMemory()) {
                    fill(db, table, source.apply(table));
                }
            }
            MapDbTables.forgetSerializers(db);
            db.commit();
        } finally {
            db.close();
        }
        StoreFormat.convert(files.rawData(), files.newData());
        Files.delete(files.rawData());
        try (RedoLog log = RedoLog.create(files.newRedo())) {
            log.reset(PageFile.logicalLength(Files.size(files.newData())));
        }
    }

    private static void fill(DB db, Table table, NavigableMap<String, byte[]> entries) {
        DB.TreeMapMaker<String, byte[]> maker = MapDbTables.maker(db, table);
        if (entries.isEmpty()) {
            maker.create();
            return;
        }
        DB.TreeMapSink<String, byte[]> sink = maker.createFromSink();
        entries.forEach((key, value) -> {
            if (table != Table.META || !key.equals(Meta.REMOVALS)) {
                sink.put(key, value);
            }
        });
        sink.create();
    }
}
