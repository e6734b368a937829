package io.supportflow.persistence;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volume under MapDB reads back what was written, at any offset (within a page or across two), before and after
 * the commit, and a commit leaves the data file holding exactly what was written, every page passing its check.
 */
class RedoVolumeProperties {
    private static final int SIZE = 3 * 4096 + 1000;

    @Property(tries = 30)
    void everyReadSeesTheLastWriteBeforeAndAfterSync(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int writes)
            throws IOException {
        Random random = new Random(seed);
        Path directory = Files.createTempDirectory("redo-volume");
        byte[] expected = new byte[SIZE];
        try (FileChannel channel = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            RedoVolume volume = new RedoVolume(PageFile.create(directory.resolve("data"), channel),
                    RedoLog.create(directory.resolve("redo")), new AtomicReference<>());
            volume.ensureAvailable(SIZE);
            for (int commit = 0; commit < 2; commit++) {
                for (int i = 0; i < writes; i++) {
                    write(volume, expected, random);
                }
                assertEveryRead(volume, expected, random);
                volume.sync();
                assertEveryRead(volume, expected, random);
                assertThat(Arrays.copyOf(content(directory.resolve("data")), SIZE))
                        .as("data file after commit %d", commit).isEqualTo(expected);
            }
            volume.close();
        } finally {
            RedoLogProperties.delete(directory);
        }
    }

    /** The logical content of a data file of store format 2, every page checked. */
    static byte[] content(Path file) throws IOException {
        try (PageFile pages = PageFile.open(file, FileChannel.open(file, StandardOpenOption.READ))) {
            byte[] content = new byte[(int) pages.logicalLength()];
            for (int page = 0; page * PageFile.CONTENT < content.length; page++) {
                System.arraycopy(pages.read(page), 0, content, page * PageFile.CONTENT, PageFile.CONTENT);
            }
            return content;
        }
    }

    /** A long, a run of bytes (up to two pages) or a cleared range, at a random offset, in both. */
    private static void write(RedoVolume volume, byte[] expected, Random random) {
        int offset = random.nextInt(SIZE - 8);
        switch (random.nextInt(3)) {
            case 0 -> {
                long value = random.nextLong();
                volume.putLong(offset, value);
                ByteBuffer.wrap(expected).putLong(offset, value);
            }
            case 1 -> {
                byte[] bytes = new byte[1 + random.nextInt(Math.min(2 * 4096, SIZE - offset))];
                random.nextBytes(bytes);
                volume.putData(offset, bytes, 0, bytes.length);
                System.arraycopy(bytes, 0, expected, offset, bytes.length);
            }
            default -> {
                int end = offset + 1 + random.nextInt(SIZE - offset);
                volume.clear(offset, end);
                Arrays.fill(expected, offset, end, (byte) 0);
            }
        }
    }

    private static void assertEveryRead(RedoVolume volume, byte[] expected, Random random) {
        ByteBuffer buffer = ByteBuffer.wrap(expected);
        for (int page = 1; page <= SIZE / PageFile.CONTENT; page++) {
            for (int offset = page * PageFile.CONTENT - 9; offset <= page * PageFile.CONTENT + 1; offset++) {
                assertRead(volume, buffer, offset);
            }
        }
        for (int i = 0; i < 200; i++) {
            assertRead(volume, buffer, random.nextInt(SIZE - 8));
        }
    }

    private static void assertRead(RedoVolume volume, ByteBuffer expected, int offset) {
        assertThat(volume.getLong(offset)).as("long at %d", offset).isEqualTo(expected.getLong(offset));
        assertThat(volume.getInt(offset)).as("int at %d", offset).isEqualTo(expected.getInt(offset));
        assertThat(volume.getByte(offset)).as("byte at %d", offset).isEqualTo(expected.get(offset));
    }
}
