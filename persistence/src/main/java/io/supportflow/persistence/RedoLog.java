package io.supportflow.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The redo log beside the data file. Layout: a 20-byte header ({@code "SFREDO01"}, the data file's length at the
 * last checkpoint as a long, CRC-32C of those 16 bytes), then one entry per commit since that checkpoint:
 * {@code length:int, batch bytes ({@link RedoBatch}), CRC-32C of length and batch}. An entry is forced to disk
 * before its batch touches the data file, so a commit is durable once {@link #append} returns. A checkpoint forces the
 * data file and then empties the log.
 */
final class RedoLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedoLog.class);
    private static final byte[] MAGIC = "SFREDO01".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 20;

    private final Path path;
    private final FileChannel channel;
    private long end;
    private long checkpointLength;

    private RedoLog(Path path, FileChannel channel, long end, long checkpointLength) {
        this.path = path;
        this.channel = channel;
        this.end = end;
        this.checkpointLength = checkpointLength;
    }

    /** Creates an empty log whose checkpoint says the data file is empty. */
    static RedoLog create(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        RedoLog log = new RedoLog(path, channel, HEADER, 0);
        log.reset(0);
        return log;
    }

    /** Opens an existing log, checking its header. */
    static RedoLog open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            readFully(channel, header, 0);
            header.flip();
            byte[] magic = new byte[MAGIC.length];
            header.get(magic);
            long length = header.getLong();
            if (!java.util.Arrays.equals(magic, MAGIC) || header.getInt() != crc(header.array(), 0, 16)) {
                throw new StoreOpenException("redo log " + path + " has a damaged header (not written by this"
                        + " version of supportflow, or corrupt)");
            }
            return new RedoLog(path, channel, HEADER, length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The data file's length at the last checkpoint. */
    long checkpointLength() {
        return checkpointLength;
    }

    /** Bytes in the log. */
    long size() {
        return end;
    }

    /**
     * Applies every complete entry to {@code data}, in order, and discards a torn last entry (a commit that never
     * returned). A damaged entry that is not the last is corruption.
     *
     * @return the number of entries applied
     */
    int replay(RedoBatch.Target data) throws IOException {
        long fileSize = channel.size();
        int applied = 0;
        while (end < fileSize) {
            byte[] entry = readEntry(fileSize);
            if (entry == null) {
                LOG.warn("redo log {}: discarding {} bytes of an interrupted commit", path, fileSize - end);
                break;
            }
            RedoBatch.apply(entry, 4, entry.length - 4, data);
            end += entry.length;
            applied++;
        }
        return applied;
    }

    /** Appends one batch and forces it to disk. */
    void append(RedoBatch batch) throws IOException {
        int length = batch.size();
        ByteBuffer entry = ByteBuffer.allocate(4 + length + 4);
        entry.putInt(length).put(batch.array(), 0, length);
        entry.putInt(crc(entry.array(), 0, 4 + length));
        entry.flip();
        RedoBatch.writeFully(channel, entry, end);
        channel.force(false);
        end += entry.capacity();
    }

    /** Empties the log, recording that the data file (already forced) now has {@code dataLength} bytes. */
    void reset(long dataLength) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.put(MAGIC).putLong(dataLength).putInt(crc(headerBytes(dataLength), 0, 16));
        header.flip();
        RedoBatch.writeFully(channel, header, 0);
        channel.truncate(HEADER);
        channel.force(true);
        end = HEADER;
        checkpointLength = dataLength;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The entry at {@link #end} including its length and checksum, or null when it is a torn tail. */
    private byte[] readEntry(long fileSize) throws IOException {
        if (fileSize - end < 8) {
            return null;
        }
        ByteBuffer lengthField = ByteBuffer.allocate(4);
        readFully(channel, lengthField, end);
        long entryEnd = end + 4 + Integer.toUnsignedLong(lengthField.getInt(0)) + 4;
        if (entryEnd > fileSize) {
            return null;
        }
        ByteBuffer entry = ByteBuffer.allocate((int) (entryEnd - end));
        readFully(channel, entry, end);
        byte[] bytes = entry.array();
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored == crc(bytes, 0, bytes.length - 4)) {
            return bytes;
        }
        if (entryEnd == fileSize || onlyZerosFrom(end, fileSize)) {
            return null;
        }
        throw new StoreOpenException("redo log " + path + " is corrupt: a damaged entry at byte " + end
                + " is followed by more entries");
    }

    private boolean onlyZerosFrom(long from, long to) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        for (long at = from; at < to; at += chunk.capacity()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), to - at));
            readFully(channel, chunk, at);
            for (int i = 0; i < chunk.limit(); i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static byte[] headerBytes(long dataLength) {
        return ByteBuffer.allocate(16).put(MAGIC).putLong(dataLength).array();
    }

    static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, at);
            if (n < 0) {
                throw new java.io.EOFException("end of file at byte " + at);
            }
            at += n;
        }
    }

    private static int crc(byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        return (int) crc.getValue();
    }
}
