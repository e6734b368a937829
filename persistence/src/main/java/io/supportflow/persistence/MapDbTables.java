package io.supportflow.persistence;

import io.supportflow.persistence.internal.ByteArrayValueSerializer;
import io.supportflow.persistence.internal.StringKeySerializer;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Tables as MapDB B-trees (string keys, byte-array values; never MapDB's default serializer) in one MapDB
 * {@code StoreDirect} file over a {@link RedoVolume}, so one {@code db.commit()} stores all tables atomically and
 * durably; the {@link Table#inMemory()} tables are sorted maps on the heap, changed once the commit is durable.
 * After a failed {@link #stage} or {@link #force} the store is reopened from disk, dropping the failed writes.
 */
final class MapDbTables implements Tables {
    private static final Logger LOG = LoggerFactory.getLogger(MapDbTables.class);
    /** Bytes MapDB leaves unused per removed key, measured: about 100 for an index key, 230 for an outbox entry. */
    private static final long GARBAGE_PER_REMOVAL = 150;
    private static final StringKeySerializer KEYS = new StringKeySerializer();
    private static final ByteArrayValueSerializer VALUES = new ByteArrayValueSerializer();

    private final StoreFiles files;
    private final DirectoryLock lock;
    private DB db;
    private RedoVolume volume;
    private Map<Table, NavigableMap<String, byte[]>> maps;
    private final AtomicReference<StoreDamagedException> damage = new AtomicReference<>();
    private OpenCheck.Report openReport;
    private long pagesChecked;
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
        tables.load(tables::failOnDamage);
        try {
            tables.migrateLayout();
            tables.openReport = OpenCheck.run(tables);
        } catch (RuntimeException e) {
            tables.close();
            throw e;
        }
        return tables;
    }

    /**
     * Opens the store of {@code files} for {@link StoreScan}: replays its redo log and checks every page, telling
     * {@code pageDamage} of each that fails, but opens it anyway and runs no {@link OpenCheck}, so that the tables can
     * be read up to the damage. Closes its files if MapDB cannot open them.
     */
    static MapDbTables inspect(StoreFiles files, DirectoryLock lock, Consumer<StoreDamagedException> pageDamage)
            throws IOException {
        MapDbTables tables = new MapDbTables(files, lock);
        tables.load(damaged -> damaged.forEach(pageDamage));
        return tables;
    }

    /**
     * Migrates a file of table layout 1, which kept no timers: creates the {@link Table#TIMER} map, builds it from the
     * sessions (in chunks, each its own commit), then records layout 2 in a last commit. A crash on the way leaves
     * layout 1, and the next open builds the wheel again from the start.
     */
    private void migrateLayout() {
        if (layout(maps) != Meta.LAYOUT_WITHOUT_TIMERS) {
            return;
        }
        long start = System.nanoTime();
        if (!db.exists(Table.TIMER.mapName())) {
            maps.put(Table.TIMER, maker(db, Table.TIMER).create());
        }
        OpenCheck.build(this, Table.TIMER);
        Writes writes = new Writes(this);
        writes.put(Table.META, Meta.LAYOUT, Meta.longValue(Meta.LAYOUT_VERSION));
        apply(writes);
        LOG.warn("migrated data file {} from table layout 1 to 2 (timers stored in a timer wheel) in {} ms",
                files.data(), (System.nanoTime() - start) / 1_000_000);
    }

    /** What the check on open found. */
    OpenCheck.Report openReport() {
        return openReport;
    }

    /** For tests: reads of every page go to the file again, as in a store larger than the page cache. */
    void dropCachedPages() {
        volume.dropCachedPages();
    }

    /** For tests: the leaf nodes of the B-tree of {@code table}, emptied ones included. */
    int leafNodes(Table table) {
        Iterator<?> leaves = ((BTreeMap<String, byte[]>) maps.get(table)).descendingLeafIterator(null);
        int count = 0;
        for (; leaves.hasNext(); leaves.next()) {
            count++;
        }
        return count;
    }

    /** The pages checked on open (0 for {@link #inspect}). */
    long pagesChecked() {
        return pagesChecked;
    }

    @Override
    public NavigableMap<String, byte[]> read(Table table) {
        ensureUsable();
        return Collections.unmodifiableNavigableMap(maps.get(table));
    }

    @Override
    public BeforeImages stage(Writes writes) {
        ensureWritable();
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
        ensureWritable();
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
        ensureWritable();
        try {
            FreshStore.copy(files, table -> maps.get(table));
            long newLength = PageFile.logicalLength(Files.size(files.newData()));
            db.close();
            try (RedoLog old = RedoLog.open(files.redo())) {
                old.reset(Math.min(old.checkpointLength(), newLength));
            }
            files.replaceWithNew();
            load(null);
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

    /**
     * Commits what was staged without a commit (acknowledgements), then closes. After damage was met, only the files
     * are closed: MapDB's own close reads (for its header checksum) and writes, and nothing may be written then.
     */
    @Override
    public void close() {
        try (lock) {
            if (broken == null && damage.get() != null) {
                volume.close();
            } else if (broken == null) {
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
            load(null);
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

    /** Refuses writes once a read has met a page that failed its check (see {@link SupportStore}). */
    private void ensureWritable() {
        ensureUsable();
        StoreDamagedException damaged = damage.get();
        if (damaged != null) {
            throw damaged.refusingWrites();
        }
    }

    /**
     * Opens the files: replays the redo log, checks every page telling {@code pageDamage} (unless null) of each that
     * fails, opens MapDB over them.
     */
    private void load(Consumer<List<StoreDamagedException>> pageDamage) throws IOException {
        RedoLog log = RedoLog.open(files.redo());
        PageFile data = null;
        DB opened = null;
        try {
            data = PageFile.open(files.data(), FileChannel.open(files.data(), StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            recover(log, data);
            if (pageDamage != null) {
                List<StoreDamagedException> damaged = new ArrayList<>();
                pagesChecked = data.checkAll(damaged::add);
                pageDamage.accept(damaged);
            }
            RedoVolume redoVolume = new RedoVolume(data, log, damage);
            opened = DBMaker.volumeDB(redoVolume, true).make();
            volume = redoVolume;
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
    private void recover(RedoLog log, PageFile data) throws IOException {
        long size = data.logicalLength();
        if (size < log.checkpointLength()) {
            throw new StoreOpenException("data file " + files.data() + " is truncated: it holds " + size
                    + " bytes of store, its last checkpoint recorded " + log.checkpointLength());
        }
        PageFile.Patch patch = data.patch();
        if (log.replay(patch) > 0) {
            patch.flush();
        }
        data.dropPartialPage();
        data.force();
        log.reset(data.logicalLength());
    }

    /** Fails the open when a page failed its check, naming the file and the first damaged page. */
    private void failOnDamage(List<StoreDamagedException> damaged) {
        if (!damaged.isEmpty()) {
            throw new StoreOpenException(damaged.get(0).getMessage() + (damaged.size() > 1 ? "; " + (damaged.size()
                    - 1) + " more pages failed their check" : "") + ". Run 'supportflow.jar check-store --data DIR' "
                    + "for the full report; restore the directory from a backup", damaged.get(0));
        }
    }

    /** Accepts the current layout, and layout 1 (migrated by {@link #open}, read as it is by {@link #inspect}). */
    private void checkLayout() {
        long layout = layout(maps);
        if (layout != Meta.LAYOUT_VERSION && layout != Meta.LAYOUT_WITHOUT_TIMERS) {
            throw new StoreOpenException("data file " + files.data() + " has table layout version " + layout
                    + "; this library reads layout versions " + Meta.LAYOUT_WITHOUT_TIMERS + " and "
                    + Meta.LAYOUT_VERSION + " only");
        }
    }

    private static long layout(Map<Table, NavigableMap<String, byte[]>> maps) {
        return Meta.longOf(maps.get(Table.META).get(Meta.LAYOUT));
    }

    private static void closeQuietly(RedoLog log, PageFile data, Exception failure) {
        try {
            log.close();
            if (data != null) {
                data.close();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The maps of every table; each on disk must exist, but for {@link Table#TIMER} in a file of layout 1, which is
     * then an empty map on the heap until {@link #migrateLayout} creates it.
     */
    private static Map<Table, NavigableMap<String, byte[]>> maps(DB db) {
        forgetSerializers(db);
        Map<Table, NavigableMap<String, byte[]>> maps = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            boolean missingTimers = table == Table.TIMER && !db.exists(table.mapName());
            maps.put(table, table.inMemory() || missingTimers ? new TreeMap<>() : maker(db, table).open());
        }
        return maps;
    }

    /**
     * The one configuration of a table on disk: string keys, byte-array values, record values outside the nodes. The
     * serializers write what MapDB's {@code STRING} and {@code BYTE_ARRAY} write, and search a node without decoding
     * it whole.
     */
    static DB.TreeMapMaker<String, byte[]> maker(DB db, Table table) {
        DB.TreeMapMaker<String, byte[]> maker = db.treeMap(table.mapName(), KEYS, VALUES);
        return table.holdsRecords() ? maker.valuesOutsideNodesEnable() : maker;
    }

    /**
     * Removes the serializers MapDB names in its catalog, so that {@link #maker} alone chooses them: MapDB prefers
     * a serializer named in the catalog to the one it is given (stores written before 2026-12-03 name
     * {@code Serializer.STRING}, same bytes as {@link StringKeySerializer}). The change rides on the next commit; until
     * then, every open removes them again.
     */
    static void forgetSerializers(DB db) {
        SortedMap<String, String> catalog = db.nameCatalogLoad();
        if (catalog.keySet().removeIf(MapDbTables::namesASerializer)) {
            db.nameCatalogSave(catalog);
        }
    }

    private static boolean namesASerializer(String catalogKey) {
        return catalogKey.endsWith("#keySerializer") || catalogKey.endsWith("#valueSerializer");
    }
}
