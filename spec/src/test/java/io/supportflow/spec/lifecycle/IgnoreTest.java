package io.supportflow.spec.lifecycle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ignore's written-out equals and hashCode: the validator and {@link Lifecycle#ignores} look no-ops up by them. */
class IgnoreTest {

    @Test
    void noOpsWithTheSameStateAndEventAreEqualWithEqualHashes() {
        assertThat(new Ignore("CLOSED", "close")).isEqualTo(new Ignore("CLOSED", "close"))
                .hasSameHashCodeAs(new Ignore("CLOSED", "close"));
    }

    @Test
    void noOpsDifferingInStateOrEventAreNotEqual() {
        assertThat(new Ignore("CLOSED", "close")).isNotEqualTo(new Ignore("OPEN", "close"))
                .isNotEqualTo(new Ignore("CLOSED", "update"));
    }
}
