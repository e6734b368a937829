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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volume under MapDB reads back what was written, at any offset (within a page or across two), before and after
 * the commit, and a commit leaves the data file holding exactly what was written.
 */
class RedoVolumeProperties {
    private static final int SIZE = 3 * 4096 + 1000;

    @Property(tries = 30)
    void everyReadSeesTheLastWriteBeforeAndAfterSync(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int writes)
            throws IOException {
        Random random = new Random(seed);
        Path directory = Files.createTempDirectory("redo-volume");
        byte[] expected = new byte[SIZE];
        try (FileChannel data = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            RedoVolume volume = new RedoVolume(directory.resolve("data"), data,
                    RedoLog.create(directory.resolve("redo")), 0);
            volume.ensureAvailable(SIZE);
            for (int commit = 0; commit < 2; commit++) {
                for (int i = 0; i < writes; i++) {
                    write(volume, expected, random);
                }
                assertEveryRead(volume, expected, random);
                volume.sync();
                assertEveryRead(volume, expected, random);
                assertThat(Files.readAllBytes(directory.resolve("data"))).as("data file after commit %d", commit)
                        .isEqualTo(expected);
            }
            volume.close();
        } finally {
            RedoLogProperties.delete(directory);
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
        for (int page = 1; page <= SIZE / 4096; page++) {
            for (int offset = page * 4096 - 9; offset <= page * 4096 + 1; offset++) {
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
