package io.supportflow.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedoLogTest {
    @TempDir
    Path directory;

    private final Random random = new Random(7);

    private Path logWithTwoEntries() throws IOException {
        Path redo = directory.resolve("redo");
        try (RedoLog log = RedoLog.create(redo)) {
            log.append(RedoLogProperties.randomBatch(random, 100));
            log.append(RedoLogProperties.randomBatch(random, 100));
        }
        return redo;
    }

    private int replay(Path redo) throws IOException {
        try (RedoLog log = RedoLog.open(redo);
             FileChannel data = FileChannel.open(directory.resolve("data"), StandardOpenOption.CREATE,
                     StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return log.replay(RedoBatch.raw(data));
        }
    }

    @Test
    void everyCompleteEntryIsReplayedInOrder() throws IOException {
        assertThat(replay(logWithTwoEntries())).isEqualTo(2);
    }

    @Test
    void aTornLastEntryIsDiscarded() throws IOException {
        Path redo = logWithTwoEntries();
        try (RandomAccessFile file = new RandomAccessFile(redo.toFile(), "rw")) {
            file.setLength(file.length() - 3);
        }
        assertThat(replay(redo)).isEqualTo(1);
    }

    @Test
    void aLastEntryOfZerosIsDiscarded() throws IOException {
        Path redo = logWithTwoEntries();
        Files.write(redo, new byte[64], StandardOpenOption.APPEND);
        assertThat(replay(redo)).isEqualTo(2);
    }

    @Test
    void aDamagedEntryFollowedByAnotherIsCorruptionNamingTheLog() throws IOException {
        Path redo = logWithTwoEntries();
        flipByte(redo, RedoLog.HEADER + 6);
        assertThatThrownBy(() -> replay(redo)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(redo.toString()).hasMessageContaining("corrupt");
    }

    @Test
    void aDamagedHeaderIsRefusedNamingTheLog() throws IOException {
        Path redo = logWithTwoEntries();
        flipByte(redo, 9);
        assertThatThrownBy(() -> RedoLog.open(redo)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(redo.toString());
    }

    @Test
    void aResetRecordsTheCheckpointAndEmptiesTheLog() throws IOException {
        Path redo = logWithTwoEntries();
        try (RedoLog log = RedoLog.open(redo)) {
            log.reset(12345);
        }
        try (RedoLog log = RedoLog.open(redo)) {
            assertThat(log.checkpointLength()).isEqualTo(12345);
            assertThat(log.size()).isEqualTo(RedoLog.HEADER);
        }
        assertThat(replay(redo)).isZero();
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x5A);
        }
    }
}
