package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link Stores#checkMapDb}: checks every page of a file store's data file, then reads every key and record of every
 * table, and for each order its session, journal and assignments, so that damage met by reads is tied to an order.
 * It repairs nothing; like opening, it first replays the redo log and migrates a data file of store format 1.
 */
final class StoreScan {
    private final List<String> damage = new ArrayList<>();
    private final Path dataFile;
    private long records;

    private StoreScan(Path dataFile) {
        this.dataFile = dataFile;
    }

    static StoreCheck run(Path directory) {
        if (!Files.isRegularFile(new StoreFiles(directory).data())) {
            throw new StoreOpenException("no store in " + directory + ": " + new StoreFiles(directory).data()
                    + " does not exist");
        }
        StoreScan scan = new StoreScan(new StoreFiles(directory).data());
        long pages = 0;
        try (DirectoryLock lock = DirectoryLock.acquire(directory)) {
            MapDbTables tables = scan.open(new StoreFiles(directory), lock);
            if (tables != null) {
                pages = tables.pagesChecked();
                try {
                    scan.readAll(tables);
                } finally {
                    tables.close();
                }
            }
        } catch (IOException e) {
            throw new StoreOpenException("cannot check the store in " + directory + ": " + e, e);
        }
        return new StoreCheck(directory, pages, scan.records, scan.damage);
    }

    /** The tables, or null (the reason recorded) when the files cannot be opened. */
    private MapDbTables open(StoreFiles files, DirectoryLock lock) throws IOException {
        Consumer<StoreDamagedException> pageDamage = e -> damage.add(e.getMessage());
        try {
            files.mustCreate();
            StoreFormat.migrateIfOld(files);
            return MapDbTables.inspect(files, lock, pageDamage);
        } catch (StoreOpenException | StoreDamagedException e) {
            damage.add(e.getMessage());
        } catch (RuntimeException e) {
            damage.add("data file " + files.data() + ": the MapDB store cannot be opened: " + e);
        }
        return null;
    }

    private void readAll(MapDbTables tables) {
        for (Table table : Table.values()) {
            if (!table.inMemory()) {
                readTable(tables, table);
            }
        }
        TableStore store = new TableStore(tables);
        List<String> orders = new ArrayList<>();
        try {
            orders.addAll(tables.read(Table.SESSION).keySet());
        } catch (RuntimeException e) {
            return;
        }
        for (String order : orders) {
            readOrder(store, order);
        }
    }

    /** Every key and value of {@code table}, each record decoded; stops at the first entry it cannot reach. */
    private void readTable(MapDbTables tables, Table table) {
        String last = null;
        try {
            Iterator<Map.Entry<String, byte[]>> entries = tables.read(table).entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<String, byte[]> entry = entries.next();
                last = entry.getKey();
                records++;
                decode(table, entry.getKey(), entry.getValue());
            }
        } catch (RuntimeException e) {
            damage.add("data file " + dataFile + ", table " + table.mapName() + ": cannot be read " + (last == null
                    ? "from its first key" : "past key " + printable(last)) + ": " + message(e));
        }
    }

    private void decode(Table table, String key, byte[] value) {
        try {
            switch (table) {
                case SESSION -> Records.session(value);
                case JOURNAL -> Records.journalEntry(value);
                case ASSIGNMENT -> Records.assignment(value);
                case AGENT -> Records.agentProfile(value);
                default -> {
                }
            }
        } catch (RecordFormatException e) {
            damage.add("data file " + dataFile + ", table " + table.mapName() + ", key " + printable(key) + ": "
                    + e.getMessage());
        }
    }

    /** The order's session, journal and assignments, read as the engine reads them. */
    private void readOrder(TableStore store, String order) {
        for (Consumer<String> read : List.<Consumer<String>>of(store::load, store::journal, store::assignments)) {
            try {
                read.accept(order);
            } catch (StoreDamagedException | RecordFormatException e) {
                String line = e instanceof StoreDamagedException ? e.getMessage() : "order " + order + ": data file "
                        + dataFile + ": " + e.getMessage();
                if (!damage.contains(line)) {
                    damage.add(line);
                }
            }
        }
    }

    private static String message(RuntimeException e) {
        return e instanceof StoreDamagedException || e instanceof RecordFormatException ? e.getMessage()
                : e.toString();
    }

    private static String printable(String key) {
        return key.replace('\0', '/').replace('\1', '\\');
    }
}
