package io.supportflow.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The keys of {@link Table#META} and their value encodings (longs as 8 bytes big-endian, keys as UTF-8). */
final class Meta {
    /**
     * The table layout version of the file; this library writes layout 2 (the timer wheel on disk) and migrates a
     * file of layout 1 (timers in memory only) when it opens it.
     */
    static final String LAYOUT = "layout";
    static final long LAYOUT_VERSION = 2;
    /** The layout before {@link Table#TIMER} was stored. */
    static final long LAYOUT_WITHOUT_TIMERS = 1;
    /** Number of sessions. */
    static final String SESSIONS = "sessions";
    /** The next outbox sequence number; greater than every sequence in the outbox. */
    static final String OUTBOX_NEXT = "outbox-next";
    /** The assignment key of the most recently started assignment. */
    static final String LAST_STARTED = "last-started";
    /**
     * Keys removed from tables on disk since the store was last compacted: MapDB does not reuse all the space a
     * removal frees, so this estimates the garbage in the file.
     */
    static final String REMOVALS = "removals";

    private Meta() {
    }

    static byte[] longValue(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** The long in {@code bytes}, or 0 when absent. */
    static long longOf(byte[] bytes) {
        if (bytes == null) {
            return 0;
        }
        if (bytes.length != Long.BYTES) {
            throw RecordFormatException.corrupt("counter of " + bytes.length + " bytes");
        }
        return ByteBuffer.wrap(bytes).getLong();
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static String textOf(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
