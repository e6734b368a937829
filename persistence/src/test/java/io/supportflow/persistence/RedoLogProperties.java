package io.supportflow.persistence;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Recovery from the redo log, whatever part of a logged commit had reached the data file when the process died. */
class RedoLogProperties {

    @Property(tries = 60)
    void replayAfterAnyPartialApplyYieldsTheCommittedFile(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Path directory = Files.createTempDirectory("redo");
        try {
            byte[] before = randomBytes(random, 1 + random.nextInt(20_000));
            RedoBatch batch = randomBatch(random, before.length);
            byte[] committed = applied(before, batch, directory.resolve("expected"));
            byte[] crashed = partiallyApplied(random, before, committed);

            Path data = directory.resolve("data");
            Files.write(data, before);
            try (RedoLog log = RedoLog.create(directory.resolve("redo"))) {
                log.reset(before.length);
                log.append(batch);
            }
            Files.write(data, crashed);
            try (RedoLog log = RedoLog.open(directory.resolve("redo"));
                 FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                assertThat(log.replay(RedoBatch.raw(channel))).isEqualTo(1);
            }
            assertThat(Files.readAllBytes(data)).isEqualTo(committed);
        } finally {
            delete(directory);
        }
    }

    /**
     * The same on a data file of checked pages (store format 2), torn at any byte of the pages the commit wrote,
     * checksums included: replay yields the committed content, and every page passes its check.
     */
    @Property(tries = 40)
    void replayOntoCheckedPagesAfterAnyPartialApplyYieldsTheCommittedPages(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        Path directory = Files.createTempDirectory("redo-pages");
        try {
            byte[] before = randomBytes(random, 1 + random.nextInt(20_000));
            RedoBatch batch = randomBatch(random, before.length);
            byte[] committed = applied(before, batch, directory.resolve("expected"));
            byte[] pagedBefore = paged(before, directory, "before");
            byte[] pagedCommitted = paged(committed, directory, "committed");

            Path data = directory.resolve("data");
            try (RedoLog log = RedoLog.create(directory.resolve("redo"))) {
                log.reset(PageFile.logicalLength(pagedBefore.length));
                log.append(batch);
            }
            Files.write(data, partiallyApplied(random, pagedBefore, pagedCommitted));
            try (RedoLog log = RedoLog.open(directory.resolve("redo"));
                 PageFile pages = PageFile.open(data, FileChannel.open(data, StandardOpenOption.READ,
                         StandardOpenOption.WRITE))) {
                PageFile.Patch patch = pages.patch();
                assertThat(log.replay(patch)).isEqualTo(1);
                patch.flush();
                pages.dropPartialPage();
                assertThat(pages.checkAll(damage -> {
                    throw damage;
                })).isPositive();
            }
            assertThat(RedoVolumeProperties.content(data)).isEqualTo(RedoVolumeProperties.content(
                    directory.resolve("committed")));
        } finally {
            delete(directory);
        }
    }

    /** {@code logical} as a data file of store format 2, written to {@code name} in {@code directory}. */
    private static byte[] paged(byte[] logical, Path directory, String name) throws IOException {
        Path raw = directory.resolve(name + ".raw");
        Files.write(raw, logical);
        StoreFormat.convert(raw, directory.resolve(name));
        return Files.readAllBytes(directory.resolve(name));
    }

    static RedoBatch randomBatch(Random random, int length) {
        RedoBatch batch = new RedoBatch();
        long end = length;
        for (int i = random.nextInt(12); i >= 0; i--) {
            long offset = random.nextInt(length + 5000);
            if (random.nextInt(4) == 0) {
                long size = 1 + random.nextInt(9000);
                batch.zero(offset, size);
                end = Math.max(end, offset + size);
            } else {
                byte[] bytes = randomBytes(random, 1 + random.nextInt(300));
                batch.write(offset, bytes, 0, bytes.length);
                end = Math.max(end, offset + bytes.length);
            }
        }
        batch.extendTo(end + random.nextInt(100));
        return batch;
    }

    /** Each byte from before or after at random, at any length between: what replay must repair. */
    private static byte[] partiallyApplied(Random random, byte[] before, byte[] after) {
        byte[] mixed = Arrays.copyOf(after, before.length + random.nextInt(after.length - before.length + 1));
        for (int i = 0; i < mixed.length; i++) {
            if (i < before.length && random.nextBoolean()) {
                mixed[i] = before[i];
            }
        }
        return mixed;
    }

    private static byte[] applied(byte[] before, RedoBatch batch, Path scratch) throws IOException {
        Files.write(scratch, before);
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            RedoBatch.apply(batch.array(), 0, batch.size(), RedoBatch.raw(channel));
        }
        return Files.readAllBytes(scratch);
    }

    static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
