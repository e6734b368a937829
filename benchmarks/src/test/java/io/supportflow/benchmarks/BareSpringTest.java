package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reused machine restores each order's own state (unassign is legal only in ASSIGNED). */
class BareSpringTest {
    private final BareSpring spring = new BareSpring();

    @Test
    void theReusedMachineRestoresEachOrdersOwnState() {
        spring.handle("a", Events.OPEN);
        spring.handle("a", Events.ASSIGN);
        spring.handle("b", Events.OPEN);

        assertThatCode(() -> spring.handle("a", Events.UNASSIGN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> spring.handle("b", Events.UNASSIGN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventTheLifecycleDoesNotAllowIsRefused() {
        assertThatThrownBy(() -> spring.handle("a", Events.CLOSE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("close refused in state NONE");
    }
}
