package io.supportflow.persistence;

import java.time.Instant;

/**
 * Order-preserving string keys. A composite key joins its parts with {@code \0}; inside a text part {@code \0} is
 * written {@code \1\1} and {@code \1} is written {@code \1\2}, so parts never contain the separator and keys sort
 * by their first part, then the next. A number part is its digit count as one character ({@code '0' + n}) followed
 * by its decimal digits, so numbers sort numerically. A timer key is a key of the timer wheel: 4 hex digits of its
 * slot (the deadline's epoch second modulo {@link #WHEEL_SLOTS}), the order id part, the separator, and 24 hex digits
 * of the deadline (epoch second with the sign bit flipped, then nanos); so keys sort by slot, then order, and the key
 * space is bounded by the slots and the orders, re-used round after round.
 */
final class Keys {
    private static final char SEPARATOR = '\0';
    private static final char ESCAPE = '\1';
    private static final int DEADLINE_LENGTH = 24;
    private static final int SLOT_LENGTH = 4;
    /** Slots of the timer wheel, one per second: a wheel period is about 18 hours. */
    static final int WHEEL_SLOTS = 1 << 16;

    private Keys() {
    }

    static String journal(String orderId, long version) {
        return text(orderId) + SEPARATOR + number(version);
    }

    static String assignment(String orderId, long startVersion) {
        return journal(orderId, startVersion);
    }

    static String byState(String state, String orderId) {
        return text(state) + SEPARATOR + text(orderId);
    }

    static String byAgent(String agentId, String orderId) {
        return text(agentId) + SEPARATOR + text(orderId);
    }

    static String active(String agentId, String orderId, long startVersion) {
        return text(agentId) + SEPARATOR + text(orderId) + SEPARATOR + number(startVersion);
    }

    static String timer(Instant deadline, String orderId) {
        return slotStart(slot(deadline.getEpochSecond())) + text(orderId) + SEPARATOR + deadline(deadline);
    }

    static String sequence(long sequence) {
        return number(sequence);
    }

    /** The prefix shared by every key whose first part is {@code first}. */
    static String prefix(String first) {
        return text(first) + SEPARATOR;
    }

    /** The least string greater than every key that starts with {@code prefix} (which ends with the separator). */
    static String prefixEnd(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + ESCAPE;
    }

    /** The second part of a two-part key that starts with {@code prefix}. */
    static String secondPart(String key, String prefix) {
        return untext(key.substring(prefix.length()));
    }

    /** The wheel slot of the epoch second {@code second}. */
    static int slot(long second) {
        return (int) Math.floorMod(second, (long) WHEEL_SLOTS);
    }

    /** The least timer key of {@code slot}. */
    static String slotStart(int slot) {
        return hex(slot, SLOT_LENGTH);
    }

    /** The least string greater than every timer key of {@code slot} and less than those of the next slot. */
    static String slotEnd(int slot) {
        String start = slotStart(slot);
        return start.substring(0, SLOT_LENGTH - 1) + (char) (start.charAt(SLOT_LENGTH - 1) + 1);
    }

    static int timerSlot(String key) {
        return Integer.parseInt(key.substring(0, SLOT_LENGTH), 16);
    }

    static Instant timerDeadline(String key) {
        int at = key.length() - DEADLINE_LENGTH;
        long second = Long.parseUnsignedLong(key.substring(at, at + 16), 16) ^ Long.MIN_VALUE;
        return Instant.ofEpochSecond(second, Long.parseLong(key.substring(at + 16), 16));
    }

    static String timerOrder(String key) {
        return untext(key.substring(SLOT_LENGTH, key.length() - DEADLINE_LENGTH - 1));
    }

    private static String deadline(Instant deadline) {
        return hex(deadline.getEpochSecond() ^ Long.MIN_VALUE, 16) + hex(deadline.getNano(), 8);
    }

    private static String hex(long value, int digits) {
        String hex = Long.toHexString(value);
        return "0".repeat(digits - hex.length()) + hex;
    }

    static String number(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative key number " + value);
        }
        String digits = Long.toString(value);
        return (char) ('0' + digits.length()) + digits;
    }

    /** The number written by {@link #number}. */
    static long numberOf(String key) {
        return Long.parseLong(key.substring(1));
    }

    static String text(String part) {
        if (part.indexOf(SEPARATOR) < 0 && part.indexOf(ESCAPE) < 0) {
            return part;
        }
        StringBuilder escaped = new StringBuilder(part.length() + 4);
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                escaped.append(ESCAPE).append((char) (c + 1));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String untext(String escaped) {
        if (escaped.indexOf(ESCAPE) < 0) {
            return escaped;
        }
        StringBuilder part = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            part.append(c == ESCAPE ? (char) (escaped.charAt(++i) - 1) : c);
        }
        return part.toString();
    }
}
