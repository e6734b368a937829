package io.supportflow.engine;

import io.supportflow.spec.lifecycle.Lifecycle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachinePoolTest {
    private final MachinePool pool = new MachinePool(Lifecycle.standard(), 2);

    @Test
    void machinesAreBuiltLazilyAndReused() {
        assertThat(pool.live()).isZero();
        LifecycleMachine first = pool.withMachine(m -> m);
        LifecycleMachine second = pool.withMachine(m -> m);
        assertThat(second).isSameAs(first);
        assertThat(pool.live()).isEqualTo(1);
    }

    @Test
    void nestedBorrowingBuildsASecondMachineUpToTheBound() {
        boolean distinct = pool.withMachine(outer -> pool.withMachine(inner -> inner != outer));
        assertThat(distinct).isTrue();
        assertThat(pool.live()).isEqualTo(2);
    }

    @Test
    void aMachineWhoseUseThrewIsDiscarded() {
        LifecycleMachine first = pool.withMachine(m -> m);
        assertThatThrownBy(() -> pool.withMachine(m -> {
            throw new IllegalStateException("guard failed");
        })).hasMessage("guard failed");
        assertThat(pool.live()).isZero();
        LifecycleMachine rebuilt = pool.withMachine(m -> m);
        assertThat(rebuilt).isNotSameAs(first);
    }

    @Test
    void closingStopsTheIdleMachines() {
        pool.withMachine(m -> m);
        pool.close();
        assertThat(pool.live()).isZero();
    }
}
