package io.supportflow.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The store format of a data file, and the migration of format 1 (the MapDB file itself, without page checksums,
 * written up to this version) to format 2 ({@link PageFile}). A store of format 1 is migrated when it is opened: its
 * redo log is replayed into it, it is copied page by page into a format-2 file under the {@code .new} name, and the
 * renames put that in place, keeping the old file as {@code supportflow.db.format1}; a crash at any point leaves
 * either the old store or the migrated one (an interrupted creation's rename is finished on the next open, see
 * {@link StoreFiles}). The open that follows checks every page and record of the migrated file as usual.
 */
final class StoreFormat {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFormat.class);
    private static final int MAPDB_FILE_HEADER = 0x4A;
    private static final int MAPDB_STORE_DIRECT = 3;

    private StoreFormat() {
    }

    /**
     * Migrates the data file of {@code files} when it is of format 1; leaves a format-2 file alone.
     *
     * @throws StoreOpenException when the file is neither
     */
    static void migrateIfOld(StoreFiles files) throws IOException {
        byte[] first = new byte[8];
        try (FileChannel data = FileChannel.open(files.data(), StandardOpenOption.READ)) {
            data.read(ByteBuffer.wrap(first), 0);
        }
        if (PageFile.hasMagic(first)) {
            return;
        }
        if (first[0] != MAPDB_FILE_HEADER || first[1] != MAPDB_STORE_DIRECT) {
            throw new StoreOpenException("data file " + files.data() + " is damaged or not written by supportflow: its "
                    + "header page (file offset 0) has neither the store format 2 header nor the MapDB header of "
                    + "format 1");
        }
        long start = System.nanoTime();
        try (RedoLog log = RedoLog.open(files.redo());
             FileChannel data = FileChannel.open(files.data(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            log.replay(RedoBatch.raw(data));
            data.force(true);
            log.reset(data.size());
        }
        files.clearLeftovers();
        convert(files.data(), files.newData());
        files.publishMigrated();
        LOG.warn("migrated data file {} from store format 1 to format 2 (page checksums) in {} ms; the format-1 file is"
                        + " kept as {}: delete it once the store works", files.data(),
                (System.nanoTime() - start) / 1_000_000, files.format1Backup());
    }

    /** Copies the MapDB file {@code raw} into a new format-2 file {@code target}, forced to disk. */
    static void convert(Path raw, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(raw, StandardOpenOption.READ);
             PageFile out = PageFile.create(target, FileChannel.open(target, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.READ, StandardOpenOption.WRITE))) {
            long size = in.size();
            int runPages = 256;
            for (long page = 0; page * PageFile.CONTENT < size; page += runPages) {
                int pages = (int) Math.min(runPages, (size - page * PageFile.CONTENT + PageFile.CONTENT - 1)
                        / PageFile.CONTENT);
                byte[][] images = new byte[pages][];
                for (int i = 0; i < pages; i++) {
                    images[i] = new byte[PageFile.PAGE];
                    long from = (page + i) * PageFile.CONTENT;
                    int n = (int) Math.min(PageFile.CONTENT, size - from);
                    RedoLog.readFully(in, ByteBuffer.wrap(images[i], 0, n), from);
                }
                out.writeRun(page, images);
            }
            out.force();
        }
    }
}
