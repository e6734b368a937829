package io.supportflow.spec.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Local's written-out equals and hashCode: the checker interns configurations by them. */
class LocalTest {
    private static final Local LOCAL = new Local("CLOSED", "a1", List.of("a2", "a1"), true);

    @Test
    void localsWithEqualComponentsAreEqualWithEqualHashes() {
        Local same = new Local("CLOSED", "a1", List.of("a1", "a2"), true);

        assertThat(same).isEqualTo(LOCAL).hasSameHashCodeAs(LOCAL);
    }

    @Test
    void localsDifferingInAnyOneComponentAreNotEqual() {
        assertThat(List.of(new Local("OPEN", "a1", List.of("a1", "a2"), true),
                new Local("CLOSED", null, List.of("a1", "a2"), true),
                new Local("CLOSED", "a2", List.of("a1", "a2"), true),
                new Local("CLOSED", "a1", List.of("a1"), true),
                new Local("CLOSED", "a1", List.of("a1", "a2"), false)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(LOCAL));
    }
}
