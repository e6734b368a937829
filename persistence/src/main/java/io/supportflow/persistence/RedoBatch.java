package io.supportflow.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The byte-level changes of one commit to the data file, in order: {@code 'W' offset:long length:int bytes}
 * writes bytes, {@code 'Z' offset:long length:long} writes zeros, {@code 'L' length:long} extends the file to at
 * least that length. Replaying a batch is idempotent, and replaying every batch since a checkpoint, in order, on the
 * checkpointed file yields the committed file whatever part of them had reached it before a crash.
 */
final class RedoBatch {
    private static final byte WRITE = 'W';
    private static final byte ZERO = 'Z';
    private static final byte LENGTH = 'L';
    private static final int ZERO_CHUNK = 64 * 1024;

    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    void write(long offset, byte[] source, int position, int length) {
        ensure(1 + 8 + 4 + length);
        buffer.put(WRITE).putLong(offset).putInt(length).put(source, position, length);
    }

    void zero(long offset, long length) {
        ensure(1 + 8 + 8);
        buffer.put(ZERO).putLong(offset).putLong(length);
    }

    void extendTo(long length) {
        ensure(1 + 8);
        buffer.put(LENGTH).putLong(length);
    }

    boolean isEmpty() {
        return buffer.position() == 0;
    }

    int size() {
        return buffer.position();
    }

    byte[] array() {
        return buffer.array();
    }

    void clear() {
        buffer.clear();
    }

    /** Where a batch is applied: the logical file a batch's offsets address. */
    interface Target {
        void write(long offset, ByteBuffer bytes) throws IOException;

        void zero(long offset, long length) throws IOException;

        /** Makes the file at least {@code length} bytes long. */
        void extend(long length) throws IOException;
    }

    /** A file whose bytes are the logical file (store format 1, and the MapDB file a new store is first written as). */
    static Target raw(FileChannel data) {
        return new Target() {
            @Override
            public void write(long offset, ByteBuffer bytes) throws IOException {
                writeFully(data, bytes, offset);
            }

            @Override
            public void zero(long offset, long length) throws IOException {
                writeZeros(data, offset, length);
            }

            @Override
            public void extend(long length) throws IOException {
                RedoBatch.extend(data, length);
            }
        };
    }

    /** Applies the batch encoded in {@code bytes[from, to)} to {@code data}. */
    static void apply(byte[] bytes, int from, int to, Target data) throws IOException {
        ByteBuffer ops = ByteBuffer.wrap(bytes, from, to - from);
        while (ops.hasRemaining()) {
            byte op = ops.get();
            long offset = ops.getLong();
            switch (op) {
                case WRITE -> {
                    int length = ops.getInt();
                    data.write(offset, ByteBuffer.wrap(bytes, ops.position(), length));
                    ops.position(ops.position() + length);
                }
                case ZERO -> data.zero(offset, ops.getLong());
                case LENGTH -> data.extend(offset);
                default -> throw new IOException("unknown redo operation " + op);
            }
        }
    }

    private static void writeZeros(FileChannel data, long offset, long length) throws IOException {
        byte[] zeros = new byte[(int) Math.min(ZERO_CHUNK, length)];
        for (long done = 0; done < length; done += zeros.length) {
            int n = (int) Math.min(zeros.length, length - done);
            writeFully(data, ByteBuffer.wrap(zeros, 0, n), offset + done);
        }
    }

    /** Makes {@code data} at least {@code length} bytes long. */
    static void extend(FileChannel data, long length) throws IOException {
        if (data.size() < length) {
            writeFully(data, ByteBuffer.wrap(new byte[1]), length - 1);
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer source, long position) throws IOException {
        long at = position;
        while (source.hasRemaining()) {
            at += channel.write(source, at);
        }
    }

    private void ensure(int more) {
        if (buffer.remaining() < more) {
            int capacity = Math.max(buffer.capacity() * 2, buffer.position() + more);
            ByteBuffer bigger = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), capacity));
            bigger.position(buffer.position());
            buffer = bigger;
        }
    }
}
