package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedLifecycleTest {

    @Test
    void theCheckerBenchmarkDefinitionHas200StatesAnd2000Transitions() {
        Lifecycle generated = GeneratedLifecycle.of(200, 2000);

        assertThat(generated.states()).hasSize(200);
        assertThat(generated.transitions()).hasSize(2000);
        assertThat(generated.finalStates()).containsExactly("DONE");
    }

    @Test
    void everyStateAndEventPairHasAtMostOneRow() {
        Lifecycle generated = GeneratedLifecycle.of(200, 2000);

        assertThat(generated.transitions().stream()
                .collect(Collectors.groupingBy(t -> t.source() + "/" + t.event(), Collectors.counting())))
                .allSatisfy((key, rows) -> assertThat(rows).as(key).isEqualTo(1L));
    }

    @Test
    void eventE0WalksFromTheInitialStateThroughEveryStateToTheFinalOne() {
        Lifecycle generated = GeneratedLifecycle.of(200, 2000);
        String state = generated.initialState();
        int steps = 0;
        while (!generated.isFinal(state)) {
            state = generated.transitionsFrom(state, "e0").get(0).target();
            steps++;
        }

        assertThat(steps).isEqualTo(199);
    }

    @Test
    void onlyReopenRowsLeaveTheFinalState() {
        Lifecycle generated = GeneratedLifecycle.of(200, 2000);

        assertThat(generated.transitions()).filteredOn(t -> t.source().equals("DONE"))
                .isNotEmpty().allMatch(Transition::reopen);
    }

    @Test
    void tooFewTransitionsForTheStatesAreRejected() {
        assertThatThrownBy(() -> GeneratedLifecycle.of(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
