package io.supportflow.persistence;

import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Tables as MapDB B-trees (string keys, byte-array values; never MapDB's default serializer) in one MapDB
 * {@code StoreDirect} file over a {@link RedoVolume}, so one {@code db.commit()} stores all tables atomically and
 * durably. After a failed {@link #apply} the store is reopened from disk, dropping the failed writes.
 */
final class MapDbTables implements Tables {
    private final StoreFiles files;
    private final DirectoryLock lock;
    private DB db;
    private Map<Table, BTreeMap<String, byte[]>> maps;
    private OpenCheck.Report openReport;
    private RuntimeException broken;

    private MapDbTables(StoreFiles files, DirectoryLock lock) {
        this.files = files;
        this.lock = lock;
    }

    /**
     * Opens the store of {@code files} (which must exist) under {@code lock}: replays its redo log, then runs the
     * {@link OpenCheck}. Closes itself (releasing {@code lock}) if that fails.
     */
    static MapDbTables open(StoreFiles files, DirectoryLock lock) throws IOException {
        MapDbTables tables = new MapDbTables(files, lock);
        tables.load();
        try {
            tables.openReport = OpenCheck.run(tables);
        } catch (RuntimeException e) {
            tables.close();
            throw e;
        }
        return tables;
    }

    /** What the check on open found. */
    OpenCheck.Report openReport() {
        return openReport;
    }

    /** Creates an empty store under the {@code .new} names of {@code files}. */
    static void create(StoreFiles files) throws IOException {
        files.clearLeftovers();
        RedoLog log = RedoLog.create(files.newRedo());
        FileChannel data = FileChannel.open(files.newData(), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        DB db = DBMaker.volumeDB(new RedoVolume(files.newData(), data, log, 0), false).make();
        try {
            maps(db, true).get(Table.META).put(Meta.LAYOUT, Meta.longValue(Meta.LAYOUT_VERSION));
            db.commit();
        } finally {
            db.close();
        }
    }

    @Override
    public NavigableMap<String, byte[]> read(Table table) {
        ensureUsable();
        return Collections.unmodifiableNavigableMap(maps.get(table));
    }

    @Override
    public void apply(Writes writes) {
        ensureUsable();
        try {
            writes.forEach((table, key, value) -> {
                if (value == null) {
                    maps.get(table).remove(key);
                } else {
                    maps.get(table).put(key, value);
                }
            });
            db.commit();
        } catch (RuntimeException | Error e) {
            reopen(e);
            throw e;
        }
    }

    @Override
    public void close() {
        try (lock) {
            if (broken == null) {
                db.close();
            }
        }
    }

    /** Drops the failed writes by closing the store and loading it again from disk. */
    private void reopen(Throwable failure) {
        try {
            db.close();
            load();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            broken = new IllegalStateException("the store in " + files.data() + " failed and must be reopened",
                    failure);
        }
    }

    private void ensureUsable() {
        if (broken != null) {
            throw broken;
        }
    }

    private void load() throws IOException {
        RedoLog log = RedoLog.open(files.redo());
        FileChannel data = null;
        DB opened = null;
        try {
            data = FileChannel.open(files.data(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            recover(log, data);
            opened = DBMaker.volumeDB(new RedoVolume(files.data(), data, log, data.size()), true).make();
            maps = maps(opened, false);
            checkLayout();
            db = opened;
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            } else {
                closeQuietly(log, data, e);
            }
            throw e;
        }
    }

    /** Replays the redo log into the data file and empties it, after checking the file is not shorter than it was. */
    private void recover(RedoLog log, FileChannel data) throws IOException {
        long size = data.size();
        if (size < log.checkpointLength()) {
            throw new StoreOpenException("data file " + files.data() + " is truncated: it has " + size
                    + " bytes, its last checkpoint recorded " + log.checkpointLength());
        }
        if (log.replay(data) > 0) {
            data.force(true);
        }
        log.reset(data.size());
    }

    private void checkLayout() {
        long layout = Meta.longOf(maps.get(Table.META).get(Meta.LAYOUT));
        if (layout != Meta.LAYOUT_VERSION) {
            throw new StoreOpenException("data file " + files.data() + " has table layout version " + layout
                    + "; this library reads layout version " + Meta.LAYOUT_VERSION + " only");
        }
    }

    private static void closeQuietly(RedoLog log, FileChannel data, Exception failure) {
        try {
            log.close();
            if (data != null) {
                data.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The maps of every table; {@code create} makes them, otherwise each must exist. */
    private static Map<Table, BTreeMap<String, byte[]>> maps(DB db, boolean create) {
        Map<Table, BTreeMap<String, byte[]>> maps = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            DB.TreeMapMaker<String, byte[]> maker = db.treeMap(table.mapName(), Serializer.STRING,
                    Serializer.BYTE_ARRAY);
            if (table.holdsRecords()) {
                maker = maker.valuesOutsideNodesEnable();
            }
            maps.put(table, create ? maker.create() : maker.open());
        }
        return maps;
    }
}
