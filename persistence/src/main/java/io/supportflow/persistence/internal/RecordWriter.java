package io.supportflow.persistence.internal;

import io.supportflow.persistence.RecordFormatException;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/** Appends the primitives of record format 1 to a growing byte array (see {@link Records} for the encodings). */
final class RecordWriter {
    private byte[] bytes = new byte[256];
    private int size;

    void u8(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void bool(boolean value) {
        u8(value ? 1 : 0);
    }

    /** Unsigned LEB128; {@code value} must not be negative. */
    void varint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative varint " + value);
        }
        long rest = value;
        while (rest >= 0x80) {
            u8((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        u8((int) rest);
    }

    void zigzag(long value) {
        long encoded = (value << 1) ^ (value >> 63);
        while ((encoded & ~0x7FL) != 0) {
            u8((int) (encoded & 0x7F) | 0x80);
            encoded >>>= 7;
        }
        u8((int) encoded);
    }

    /** Nullable string: varint(encoded length + 1), 0 for null, then the {@link Wtf8} bytes. */
    void string(String value) {
        if (value == null) {
            u8(0);
            return;
        }
        int length = Wtf8.encodedLength(value);
        varint(length + 1L);
        ensure(length);
        size = Wtf8.encode(value, bytes, size);
    }

    /** Nullable instant: varint(nanos + 1), 0 for null, then zigzag(epoch second). */
    void instant(Instant value) {
        if (value == null) {
            u8(0);
            return;
        }
        varint(value.getNano() + 1L);
        zigzag(value.getEpochSecond());
    }

    /** Nullable nested value: 0 for null, else 1 followed by what {@code body} writes. */
    <T> void optional(T value, BiConsumer<RecordWriter, T> body) {
        bool(value != null);
        if (value != null) {
            body.accept(this, value);
        }
    }

    /** varint(count) followed by each element. */
    <T> void list(List<T> values, BiConsumer<RecordWriter, T> element) {
        varint(values.size());
        values.forEach(v -> element.accept(this, v));
    }

    void raw(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }

    /** The internal buffer; valid up to {@link #size()}. */
    byte[] buffer() {
        return bytes;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
