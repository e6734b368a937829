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
            if (files.mustCreate()) {
                MapDbTables.create(files);
                files.publishNew();
            }
            MapDbTables tables = MapDbTables.open(files, lock);
            OpenCheck.Report report = tables.openReport();
            LOG.info("opened store {}: {} sessions and {} assignments checked in {} ms", directory,
                    report.sessions(), report.assignments(), report.took().toMillis());
            return new TableStore(tables);
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
