package io.supportflow.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a file store: lock, create or recover, check, and wrap any failure in a {@link StoreOpenException}. */
final class MapDbStore {
    private static final Logger LOG = LoggerFactory.getLogger(MapDbStore.class);

    private MapDbStore() {
    }

    static TableStore open(Path directory) {
        DirectoryLock lock = lock(directory);
        StoreFiles files = new StoreFiles(directory);
        try {
            return open(directory, files, lock);
        } catch (StoreOpenException e) {
            release(lock, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            StoreOpenException failure = new StoreOpenException("cannot open the store in " + directory + ": data"
                    + " file " + files.data() + " or redo log " + files.redo() + " is damaged or unreadable: " + e, e);
            release(lock, failure);
            throw failure;
        }
    }

    private static TableStore open(Path directory, StoreFiles files, DirectoryLock lock) throws IOException {
        if (files.mustCreate()) {
            FreshStore.empty(files);
            files.publishNew();
        } else {
            StoreFormat.migrateIfOld(files);
        }
        long start = System.nanoTime();
        MapDbTables tables = MapDbTables.open(files, lock);
        OpenCheck.Report report = tables.openReport();
        LOG.info("opened store {} in {} ms: {} pages, {} sessions and {} assignments checked (the records in {} ms)",
                directory, (System.nanoTime() - start) / 1_000_000, tables.pagesChecked(), report.sessions(),
                report.assignments(), report.took().toMillis());
        TableStore store = new TableStore(tables);
        try {
            if (tables.worthCompacting()) {
                compact(store, files);
            }
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private static void compact(TableStore store, StoreFiles files) throws IOException {
        long before = Files.size(files.data());
        long start = System.nanoTime();
        store.compact();
        LOG.info("compacted {} from {} to {} bytes in {} ms", files.data(), before, Files.size(files.data()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static DirectoryLock lock(Path directory) {
        try {
            Files.createDirectories(directory);
            return DirectoryLock.acquire(directory);
        } catch (IOException e) {
            throw new StoreOpenException("cannot use directory " + directory + ": " + e, e);
        }
    }

    /** Releases the lock after a failed open (a failed {@link MapDbTables#open} has closed its files). */
    private static void release(DirectoryLock lock, Exception failure) {
        try {
            lock.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
