package io.supportflow.persistence.internal;

import io.supportflow.persistence.RecordFormatException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads the primitives {@link RecordWriter} writes; any malformed input is a {@link RecordFormatException}. */
final class RecordReader {
    private final byte[] bytes;
    private final int end;
    private int position;

    RecordReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    int u8() {
        if (position >= end) {
            throw RecordFormatException.corrupt("ends early at byte " + position);
        }
        return bytes[position++] & 0xFF;
    }

    boolean bool() {
        int value = u8();
        if (value > 1) {
            throw RecordFormatException.corrupt("flag " + value + " at byte " + (position - 1));
        }
        return value == 1;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw RecordFormatException.corrupt("varint out of range at byte " + position);
                }
                return value;
            }
        }
        throw RecordFormatException.corrupt("varint too long at byte " + position);
    }

    int varintAsInt() {
        long value = varint();
        if (value > Integer.MAX_VALUE) {
            throw RecordFormatException.corrupt("length " + value + " at byte " + position);
        }
        return (int) value;
    }

    long zigzag() {
        long encoded = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            encoded |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (encoded >>> 1) ^ -(encoded & 1);
            }
        }
        throw RecordFormatException.corrupt("zigzag too long at byte " + position);
    }

    String string() {
        int lengthPlusOne = varintAsInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = lengthPlusOne - 1;
        if (length > end - position) {
            throw RecordFormatException.corrupt("string of " + length + " bytes overruns the record at byte " + position);
        }
        String value = Wtf8.decode(bytes, position, length);
        position += length;
        return value;
    }

    String requiredString(String field) {
        String value = string();
        if (value == null) {
            throw RecordFormatException.corrupt(field + " is missing");
        }
        return value;
    }

    Instant instant() {
        long nanoPlusOne = varint();
        if (nanoPlusOne == 0) {
            return null;
        }
        if (nanoPlusOne > 1_000_000_000L) {
            throw RecordFormatException.corrupt("nanosecond field " + (nanoPlusOne - 1));
        }
        try {
            return Instant.ofEpochSecond(zigzag(), nanoPlusOne - 1);
        } catch (DateTimeException e) {
            throw RecordFormatException.corrupt("instant out of range: " + e.getMessage());
        }
    }

    Instant requiredInstant(String field) {
        Instant value = instant();
        if (value == null) {
            throw RecordFormatException.corrupt(field + " is missing");
        }
        return value;
    }

    <T> T optional(Function<RecordReader, T> body) {
        return bool() ? body.apply(this) : null;
    }

    <T> List<T> list(Function<RecordReader, T> element) {
        int count = varintAsInt();
        if (count > end - position) {
            throw RecordFormatException.corrupt("list of " + count + " elements overruns the record");
        }
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(element.apply(this));
        }
        return values;
    }

    void expectEnd() {
        if (position != end) {
            throw RecordFormatException.corrupt((end - position) + " unread bytes at the end");
        }
    }
}
