package io.supportflow.persistence;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys sort as their parts do, and never run into each other. */
class KeysProperties {

    @Property(tries = 500)
    void twoPartKeysSortByTheirFirstPartThenTheirSecond(@ForAll("texts") String a1, @ForAll("texts") String a2,
                                                         @ForAll("texts") String b1, @ForAll("texts") String b2) {
        int expected = a1.equals(b1) ? a2.compareTo(b2) : a1.compareTo(b1);
        assertThat(Integer.signum(Keys.byState(a1, a2).compareTo(Keys.byState(b1, b2))))
                .isEqualTo(Integer.signum(expected));
    }

    @Property(tries = 500)
    void aKeyLiesInThePrefixRangeOfExactlyItsFirstPart(@ForAll("texts") String first, @ForAll("texts") String second,
                                                       @ForAll("texts") String other) {
        String key = Keys.byAgent(first, second);
        String prefix = Keys.prefix(other);
        boolean inRange = key.compareTo(prefix) >= 0 && key.compareTo(Keys.prefixEnd(prefix)) < 0;
        assertThat(inRange).isEqualTo(first.equals(other));
        if (inRange) {
            assertThat(Keys.secondPart(key, prefix)).isEqualTo(second);
        }
    }

    @Property(tries = 500)
    void numbersSortNumerically(@ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b) {
        assertThat(Integer.signum(Keys.journal("o", a).compareTo(Keys.journal("o", b))))
                .isEqualTo(Long.signum(Long.compare(a, b)));
        assertThat(Keys.numberOf(Keys.number(a))).isEqualTo(a);
    }

    @Property(tries = 500)
    void timerKeysSortBySlotThenOrderAndReadBack(@ForAll("instants") Instant a, @ForAll("texts") String orderA,
                                                 @ForAll("instants") Instant b, @ForAll("texts") String orderB) {
        int slotA = Keys.slot(a.getEpochSecond());
        int slotB = Keys.slot(b.getEpochSecond());
        int expected = slotA != slotB ? Integer.compare(slotA, slotB)
                : orderA.equals(orderB) ? a.compareTo(b) : orderA.compareTo(orderB);
        String keyA = Keys.timer(a, orderA);
        assertThat(Integer.signum(keyA.compareTo(Keys.timer(b, orderB)))).isEqualTo(Integer.signum(expected));
        assertThat(Keys.timerDeadline(keyA)).isEqualTo(a);
        assertThat(Keys.timerOrder(keyA)).isEqualTo(orderA);
        assertThat(Keys.timerSlot(keyA)).isEqualTo(slotA);
        boolean inSlotB = keyA.compareTo(Keys.slotStart(slotB)) >= 0 && keyA.compareTo(Keys.slotEnd(slotB)) < 0;
        assertThat(inSlotB).isEqualTo(slotA == slotB);
    }

    @Property(tries = 200)
    void aSecondAndTheSecondsWholeWheelPeriodsAwayShareASlot(@ForAll @LongRange(min = -1L << 40, max = 1L << 40)
                                                             long second, @ForAll @LongRange(min = -9, max = 9)
                                                             long periods) {
        int slot = Keys.slot(second);
        assertThat(slot).isBetween(0, Keys.WHEEL_SLOTS - 1);
        assertThat(Keys.slot(second + periods * Keys.WHEEL_SLOTS)).isEqualTo(slot);
        assertThat(Keys.slot(second + 1)).isEqualTo((slot + 1) % Keys.WHEEL_SLOTS);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("\0\1\2ab\uffff").ofMaxLength(4);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Values.instant();
    }
}
