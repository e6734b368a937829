package io.supportflow.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The files of a store directory and how a new store appears atomically: it is built under {@code .new} names,
 * forced, then the redo log and finally the data file are renamed into place. So a directory holds a complete store
 * exactly when it holds {@code supportflow.db}; an interrupted creation is finished or started over on the next open.
 * A compaction replaces both files the same way (data file first); its leftovers are removed on the next open.
 */
final class StoreFiles {
    private static final String DATA = "supportflow.db";
    private static final String REDO = "supportflow.redo";
    private static final String NEW = ".new";
    private static final String RAW = ".raw";
    private static final String FORMAT1 = ".format1";

    private final Path directory;

    StoreFiles(Path directory) {
        this.directory = directory;
    }

    Path data() {
        return directory.resolve(DATA);
    }

    Path redo() {
        return directory.resolve(REDO);
    }

    Path newData() {
        return directory.resolve(DATA + NEW);
    }

    Path newRedo() {
        return directory.resolve(REDO + NEW);
    }

    /** Where a new store's MapDB file is written before it is copied into {@link #newData()} as pages. */
    Path rawData() {
        return directory.resolve(DATA + NEW + RAW);
    }

    /** Where a migrated store keeps its data file of store format 1. */
    Path format1Backup() {
        return directory.resolve(DATA + FORMAT1);
    }

    /**
     * Whether the store must be created. Finishes an interrupted creation whose files are complete.
     *
     * @throws StoreOpenException if one of the two files is missing while the other exists
     */
    boolean mustCreate() throws IOException {
        if (Files.exists(data())) {
            if (!Files.exists(redo())) {
                throw new StoreOpenException("redo log " + redo() + " is missing beside " + data()
                        + "; the store cannot be opened without it");
            }
            clearLeftovers();
            return false;
        }
        if (!Files.exists(redo())) {
            return true;
        }
        if (Files.exists(newData())) {
            publish(newData(), data());
            return false;
        }
        throw new StoreOpenException("data file " + data() + " is missing beside its redo log " + redo());
    }

    /** Removes what an interrupted creation left behind. */
    void clearLeftovers() throws IOException {
        Files.deleteIfExists(newData());
        Files.deleteIfExists(newRedo());
        Files.deleteIfExists(rawData());
    }

    /** Moves the created files into place: the redo log first, the data file last. */
    void publishNew() throws IOException {
        publish(newRedo(), redo());
        publish(newData(), data());
    }

    /** Moves the compacted files over the current ones: the data file first, the redo log last. */
    void replaceWithNew() throws IOException {
        publish(newData(), data());
        publish(newRedo(), redo());
    }

    /**
     * Puts a migrated data file in place: the old one is renamed to {@link #format1Backup()} first, so that a crash
     * between the two renames leaves the directory as an interrupted creation, which the next open finishes.
     */
    void publishMigrated() throws IOException {
        publish(data(), format1Backup());
        publish(newData(), data());
    }

    private void publish(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
