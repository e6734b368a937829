package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The naive baseline restores each order's own state from its MapDB file (unassign is legal only in ASSIGNED). */
class NaiveSpringIT {
    private final NaiveSpring naive = new NaiveSpring();

    @BeforeEach
    void openTheStore() {
        naive.open();
    }

    @AfterEach
    void closeTheStore() {
        naive.close();
    }

    @Test
    void everyCommandRestoresItsOrdersStateFromMapDb() throws Exception {
        naive.handle("a", Events.OPEN);
        naive.handle("a", Events.ASSIGN);
        naive.handle("b", Events.OPEN);

        assertThatCode(() -> naive.handle("a", Events.UNASSIGN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> naive.handle("b", Events.UNASSIGN)).isInstanceOf(IllegalStateException.class);
    }
}
