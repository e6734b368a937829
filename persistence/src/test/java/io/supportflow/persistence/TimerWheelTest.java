package io.supportflow.persistence;

import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file store's timers live in a timer wheel ({@link Keys#timer}): one slot per second of a wheel period, each
 * holding the deadlines of every round that fall on it. These tests arm deadlines of later rounds, across the wrap of
 * the wheel, and after long gaps, and check that the wheel's keys stay within a bounded space.
 */
class TimerWheelTest {
    private static final long PERIOD = Keys.WHEEL_SLOTS;
    /** The first second of a wheel period, so that T0 + PERIOD - 1 is in the wheel's last slot. */
    private static final Instant T0 = Instant.ofEpochSecond(PERIOD * 30_000);

    @TempDir
    Path directory;

    @Test
    void aDeadlineWholeWheelPeriodsAheadIsNotDueBeforeItsTimeThoughItSharesItsSlot() {
        Instant soon = T0.plusSeconds(5);
        Instant later = soon.plusSeconds(3 * PERIOD);
        try (SupportStore store = Stores.openMapDb(directory)) {
            arm(store, "later", later);
            arm(store, "soon", soon);
            assertThat(Keys.slot(later.getEpochSecond())).isEqualTo(Keys.slot(soon.getEpochSecond()));
            assertThat(store.nextDeadline()).contains(soon);
            assertThat(store.dueTimers(soon)).containsExactly("soon");
            disarm(store, "soon", soon);
            for (long round = 0; round < 3; round++) {
                Instant sameSlot = soon.plusSeconds(round * PERIOD);
                assertThat(store.dueTimers(sameSlot)).as("round %d", round).isEmpty();
                assertThat(store.dueTimers(sameSlot.plusSeconds(PERIOD / 2))).as("round %d, half", round).isEmpty();
                assertThat(store.nextDeadline()).contains(later);
            }
            assertThat(store.dueTimers(later.minusNanos(1))).isEmpty();
            assertThat(store.dueTimers(later)).containsExactly("later");
        }
    }

    @Test
    void timersDueAcrossTheWrapOfTheWheelAreFoundInDeadlineOrder() {
        Instant wrap = T0.plusSeconds(PERIOD);
        try (SupportStore store = Stores.openMapDb(directory)) {
            arm(store, "b", wrap.minusSeconds(1));
            arm(store, "a", wrap.minusSeconds(2).plusNanos(5));
            arm(store, "d", wrap.plusSeconds(1));
            arm(store, "c", wrap);
            assertThat(store.dueTimers(wrap.minusSeconds(3))).isEmpty();
            assertThat(store.dueTimers(wrap.minusSeconds(2))).isEmpty();
            assertThat(store.dueTimers(wrap.minusNanos(1))).containsExactly("a", "b");
            assertThat(store.dueTimers(wrap.plusSeconds(5))).containsExactly("a", "b", "c", "d");
            assertThat(store.nextDeadline()).contains(wrap.minusSeconds(2).plusNanos(5));
        }
    }

    @Test
    void aStoreReopenedAfterALongGapFindsEveryOverdueTimerAndNoneOfLaterRounds() {
        List<String> overdue = new ArrayList<>();
        try (SupportStore store = Stores.openMapDb(directory)) {
            for (int i = 0; i < 40; i++) {
                String order = "o" + (100 + i);
                arm(store, order, T0.plusSeconds(i * (PERIOD / 7) + i));
                overdue.add(order);
            }
            arm(store, "future", T0.plusSeconds(20 * PERIOD));
            assertThat(store.dueTimers(T0.minusSeconds(1))).isEmpty();
        }
        Instant reopenedAt = T0.plusSeconds(10 * PERIOD + 3);
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(store.dueTimers(reopenedAt)).containsExactlyElementsOf(overdue);
            assertThat(store.dueTimers(reopenedAt.plusSeconds(1))).containsExactlyElementsOf(overdue);
            assertThat(store.nextDeadline()).contains(T0);
        }
    }

    @Test
    void aClockGoingBackwardsStillFindsWhatIsDueThenAndATimerArmedInThePast() {
        try (SupportStore store = Stores.openMapDb(directory)) {
            arm(store, "o1", T0.plusSeconds(10));
            arm(store, "o2", T0.plusSeconds(50));
            assertThat(store.dueTimers(T0.plusSeconds(100))).containsExactly("o1", "o2");
            assertThat(store.dueTimers(T0.plusSeconds(20))).containsExactly("o1");
            disarm(store, "o1", T0.plusSeconds(10));
            disarm(store, "o2", T0.plusSeconds(50));
            assertThat(store.dueTimers(T0.plusSeconds(200))).isEmpty();
            arm(store, "o3", T0.plusSeconds(30));
            assertThat(store.nextDeadline()).contains(T0.plusSeconds(30));
            assertThat(store.dueTimers(T0.plusSeconds(40))).containsExactly("o3");
        }
    }

    /**
     * Re-arming the same sessions round after round moves their keys from slot to slot and round to round; they land
     * in the B-tree leaves their slots held before, so the number of leaves stops growing once the slots in use have
     * theirs. Keys that only grew (deadline first, as before the wheel) would add leaves at the right end and leave
     * the emptied ones at the left, round after round. (The file itself grows with any churn until the store is
     * compacted on open, whatever the keys: MapDB does not re-use all freed space.) The writes go straight to the
     * tables, so that nothing but the timer index changes.
     */
    @Test
    void reArmingTheSameSessionsRoundAfterRoundAddsNoLeavesToTheTimerIndex() {
        int orders = 400;
        long step = PERIOD / 8;
        try (SupportStore store = Stores.openMapDb(directory)) {
            MapDbTables tables = (MapDbTables) ((TableStore) store).tables();
            int warmedUp = 0;
            for (int round = 0; round < 160; round++) {
                Writes writes = new Writes(tables);
                for (int i = 0; i < orders; i++) {
                    String order = "o" + i;
                    if (round > 0) {
                        writes.delete(Table.TIMER, Keys.timer(T0.plusSeconds((round - 1) * step + i), order));
                    }
                    writes.put(Table.TIMER, Keys.timer(T0.plusSeconds(round * step + i), order), CommitPlanner.EMPTY);
                }
                tables.apply(writes);
                if (round == 16) {
                    warmedUp = tables.leafNodes(Table.TIMER);
                }
            }
            assertThat(tables.read(Table.TIMER)).hasSize(orders);
            assertThat(tables.leafNodes(Table.TIMER)).isLessThanOrEqualTo(warmedUp);
        }
    }

    /** Commits a change of {@code order}'s session that arms its idle timer at {@code deadline}. */
    private static void arm(SupportStore store, String order, Instant deadline) {
        change(store, order, deadline);
    }

    private static void disarm(SupportStore store, String order, Instant armed) {
        assertThat(store.load(order).orElseThrow().idleDeadline()).isEqualTo(armed);
        change(store, order, null);
    }

    private static void change(SupportStore store, String order, Instant deadline) {
        Session old = store.load(order).orElse(null);
        long version = old == null ? 1 : old.version() + 1;
        Session session = new Session(order, States.OPEN, version, Support.forOrder(order), null, T0, T0, null,
                deadline);
        JournalEntry entry = new JournalEntry(order, version, "update", States.OPEN, States.OPEN, List.of(),
                Actor.CUSTOMER, T0, null, null);
        store.commit(new Commit(version - 1, session, entry, List.of()));
    }
}
