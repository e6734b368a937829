package io.supportflow.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the {@link Table#TIMER} wheel ({@link Keys#timer}): a key's slot is its deadline's epoch second modulo
 * {@link Keys#WHEEL_SLOTS}, so one slot holds the deadlines of every round (wheel period) that fall on it, and only the
 * stored deadline tells which are due. It keeps one number in memory, a lower bound of every armed deadline's epoch
 * second, so that a due scan walks only the slots from that bound up to now's (all of them when that span is a
 * period or more, or when the bound is not known yet, as after opening); the scan raises the bound to the earliest
 * second it left armed in the walked slots (now's second + 1 when none), a commit that arms an earlier deadline
 * lowers it once published. A clock going backwards walks no slot and finds nothing due, which is right: every armed
 * deadline is at or after the bound, and the bound is at most the latest now scanned plus one second.
 * The bound belongs to one store in one process (the store is single-process, see {@link SupportStore}).
 * Thread-safe: scans run under the store's read lock, arming under its write lock; concurrent scans of one state
 * each find a valid bound, and the bound only moves by the greater of them.
 */
final class TimerWheel {
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final Comparator<String> BY_DEADLINE = Comparator.comparing(Keys::timerDeadline)
            .thenComparing(Keys::timerOrder);

    /** The committed timer keys from {@code from} (inclusive) to {@code to} (exclusive); a null bound is open. */
    interface View {
        NavigableMap<String, byte[]> keys(String from, String to);
    }

    /** Every armed deadline's epoch second is at least this; {@link #UNKNOWN} until the first scan. */
    private final AtomicLong earliest = new AtomicLong(UNKNOWN);

    /** Order ids whose deadline is at or before {@code now}, by deadline then order id. */
    List<String> due(Instant now, View view) {
        long nowSecond = now.getEpochSecond();
        long from = earliest.get();
        if (from != UNKNOWN && nowSecond < from) {
            return List.of();
        }
        long leftArmed = nowSecond + 1;
        List<String> due = new ArrayList<>();
        for (NavigableMap<String, byte[]> slots : walk(from, nowSecond, view)) {
            for (String key : slots.keySet()) {
                Instant deadline = Keys.timerDeadline(key);
                if (deadline.getEpochSecond() <= nowSecond) {
                    leftArmed = Math.min(leftArmed, deadline.getEpochSecond());
                    if (!deadline.isAfter(now)) {
                        due.add(key);
                    }
                }
            }
        }
        earliest.accumulateAndGet(leftArmed, Math::max);
        due.sort(BY_DEADLINE);
        return due.stream().map(Keys::timerOrder).toList();
    }

    /**
     * The earliest armed deadline: walks the slots from the bound's on, round the wheel, and stops after the first
     * slot holding a deadline of the bound's round (deadlines of later rounds met before it are later than it).
     */
    Optional<Instant> next(View view) {
        long from = earliest.get();
        Instant earliestFound = null;
        int foundSlot = -1;
        for (NavigableMap<String, byte[]> slots : walk(from, from == UNKNOWN ? UNKNOWN : from + Keys.WHEEL_SLOTS - 1, view)) {
            for (String key : slots.keySet()) {
                int slot = Keys.timerSlot(key);
                if (foundSlot >= 0 && slot != foundSlot) {
                    return Optional.of(earliestFound);
                }
                Instant deadline = Keys.timerDeadline(key);
                if (earliestFound == null || deadline.isBefore(earliestFound)) {
                    earliestFound = deadline;
                }
                if (foundSlot < 0 && from != UNKNOWN && deadline.getEpochSecond() - from < Keys.WHEEL_SLOTS) {
                    foundSlot = slot;
                }
            }
        }
        return Optional.ofNullable(earliestFound);
    }

    /** Lowers the bound for {@code deadline}, armed by a commit just published. */
    void armed(Instant deadline) {
        earliest.accumulateAndGet(deadline.getEpochSecond(), Math::min);
    }

    /**
     * The keys of the slots of the seconds {@code from} to {@code to}, in walk order: from {@code from}'s slot up,
     * wrapping round after the last slot; every slot when the span is a period or more or {@code from} is unknown.
     */
    private static List<NavigableMap<String, byte[]>> walk(long from, long to, View view) {
        if (from == UNKNOWN) {
            return List.of(view.keys(null, null));
        }
        int first = Keys.slot(from);
        if (to - from + 1 >= Keys.WHEEL_SLOTS) {
            return List.of(view.keys(Keys.slotStart(first), null), view.keys(null, Keys.slotStart(first)));
        }
        int last = Keys.slot(to);
        return first <= last ? List.of(view.keys(Keys.slotStart(first), Keys.slotEnd(last)))
                : List.of(view.keys(Keys.slotStart(first), null), view.keys(null, Keys.slotEnd(last)));
    }
}
