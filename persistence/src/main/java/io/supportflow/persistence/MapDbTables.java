package io.supportflow.persistence;

import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Tables as MapDB B-trees (string keys, byte-array values; never MapDB's default serializer) in one MapDB
 * {@code StoreDirect} file over a {@link RedoVolume}, so one {@code db.commit()} stores all tables atomically and
 * durably; the {@link Table#inMemory()} tables are sorted maps on the heap, changed once the commit is durable.
 * After a failed {@link #stage} or {@link #force} the store is reopened from disk, dropping the failed writes.
 */
final class MapDbTables implements Tables {
    /** Bytes MapDB leaves unused per removed key, measured: about 100 for an index key, 230 for an outbox entry. */
    private static final long GARBAGE_PER_REMOVAL = 150;

    private final StoreFiles files;
    private final DirectoryLock lock;
    private DB db;
    private Map<Table, NavigableMap<String, byte[]>> maps;
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

    @Override
    public NavigableMap<String, byte[]> read(Table table) {
        ensureUsable();
        return Collections.unmodifiableNavigableMap(maps.get(table));
    }

    @Override
    public BeforeImages stage(Writes writes) {
        ensureUsable();
        try {
            BeforeImages replaced = new BeforeImages();
            write(writes, false, replaced::record);
            countRemovals(writes);
            return replaced;
        } catch (RuntimeException | Error e) {
            reopen(e);
            throw e;
        }
    }

    /** Commits the MapDB store, unless {@code writes} touch only in-memory tables. */
    @Override
    public void force(Writes writes) {
        ensureUsable();
        if (writes.touches(table -> !table.inMemory())) {
            db.commit();
        }
    }

    @Override
    public void publish(Writes writes) {
        write(writes, true, (table, key, replaced) -> { });
    }

    @Override
    public void discard(Throwable failure) {
        reopen(failure);
    }

    private void countRemovals(Writes writes) {
        long removals = writes.deletes(table -> !table.inMemory());
        if (removals > 0) {
            NavigableMap<String, byte[]> meta = maps.get(Table.META);
            meta.put(Meta.REMOVALS, Meta.longValue(Meta.longOf(meta.get(Meta.REMOVALS)) + removals));
        }
    }

    /** Whether the garbage estimated from {@link Meta#REMOVALS} is more than half the data file. */
    boolean worthCompacting() throws IOException {
        long removals = Meta.longOf(maps.get(Table.META).get(Meta.REMOVALS));
        return removals * GARBAGE_PER_REMOVAL > Files.size(files.data()) / 2;
    }

    /**
     * Replaces the data file by a compact copy (see {@link FreshStore#copy}). The old redo log is first told a
     * checkpoint length both files satisfy, so that a crash between the two renames opens either pair.
     */
    @Override
    public void compact() {
        ensureUsable();
        try {
            FreshStore.copy(files, table -> maps.get(table));
            long newLength = Files.size(files.newData());
            db.close();
            try (RedoLog old = RedoLog.open(files.redo())) {
                old.reset(Math.min(old.checkpointLength(), newLength));
            }
            files.replaceWithNew();
            load();
        } catch (IOException | RuntimeException e) {
            UncheckedIOException failure = new UncheckedIOException("compacting " + files.data() + " failed",
                    e instanceof IOException io ? io : new IOException(e));
            reopen(failure);
            throw failure;
        }
    }

    /** Writes to the in-memory tables or to the others, telling {@code replaced} each value a write replaced. */
    private void write(Writes writes, boolean inMemory, Writes.Sink replaced) {
        writes.forEach((table, key, value) -> {
            if (table.inMemory() == inMemory) {
                NavigableMap<String, byte[]> map = maps.get(table);
                replaced.write(table, key, value == null ? map.remove(key) : map.put(key, value));
            }
        });
    }

    /** Commits what was staged without a commit (acknowledgements), then closes. */
    @Override
    public void close() {
        try (lock) {
            if (broken == null) {
                try {
                    db.commit();
                } finally {
                    db.close();
                }
            }
        }
    }

    /**
     * Drops the failed writes, and any staged without a commit, by closing the store and loading it again from
     * disk; the in-memory tables are built again from what is on disk, as on open.
     */
    private void reopen(Throwable failure) {
        try {
            db.close();
            maps = null;
            load();
            OpenCheck.run(this);
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
            Map<Table, NavigableMap<String, byte[]>> loaded = maps(opened);
            if (maps != null) {
                Arrays.stream(Table.values()).filter(Table::inMemory).forEach(t -> loaded.put(t, maps.get(t)));
            }
            maps = loaded;
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

    /** The maps of every table; each on disk must exist. */
    private static Map<Table, NavigableMap<String, byte[]>> maps(DB db) {
        Map<Table, NavigableMap<String, byte[]>> maps = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            maps.put(table, table.inMemory() ? new TreeMap<>() : maker(db, table).open());
        }
        return maps;
    }

    /** The one configuration of a table on disk: string keys, byte-array values, record values outside the nodes. */
    static DB.TreeMapMaker<String, byte[]> maker(DB db, Table table) {
        DB.TreeMapMaker<String, byte[]> maker = db.treeMap(table.mapName(), Serializer.STRING, Serializer.BYTE_ARRAY);
        return table.holdsRecords() ? maker.valuesOutsideNodesEnable() : maker;
    }
}
