package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.lifecycle.Transition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationTest {
    private static final Lifecycle ESCALATING = Lifecycle.standard().extend("escalating")
            .agentState("ESCALATED")
            .add(Transition.of(States.ASSIGNED, "escalate", "ESCALATED")
                    .when(Guard.OTHER_AGENT, Guard.AGENT_AVAILABLE, Guard.WITHIN_CAPACITY).does(Effect.ASSIGN))
            .add(Transition.of("ESCALATED", "close", States.CLOSED).does(Effect.RELEASE))
            .build();

    @Test
    void aDefinitionThatKeepsEveryStoredStateCanTakeOverWithNoRowRemoved() {
        Migration.Report report = Migration.check(ESCALATING, Lifecycle.standard());

        assertThat(report.ok()).isTrue();
        assertThat(report.storedStates()).containsExactly("OPEN", "ASSIGNED", "CLOSED");
        assertThat(report.removedRows()).isEmpty();
    }

    @Test
    void aDefinitionWithoutAStoredStateCannotTakeOverAndListsTheRowsRemoved() {
        Migration.Report report = Migration.check(Lifecycle.standard(), ESCALATING);

        assertThat(report.problems()).containsExactly(
                "ESCALATED: stored sessions may be in it, but 'standard' has no such state");
        assertThat(report.removedRows()).containsExactly(
                "ASSIGNED --escalate--> ESCALATED when otherAgent & agentAvailable & withinCapacity",
                "ESCALATED --close--> CLOSED");
    }

    @Test
    void aStoredStateThatCanNoLongerFinishOrChangedItsKindIsAProblem() {
        Lifecycle stranded = Lifecycle.builder("stranded").initial(States.NONE).state(States.OPEN)
                .state(States.ASSIGNED).finalState(States.CLOSED)
                .add(Transition.of(States.NONE, "open", States.OPEN))
                .add(Transition.of(States.OPEN, "close", States.CLOSED))
                .add(Transition.of(States.OPEN, "escalate", States.ASSIGNED))
                .build();

        Migration.Report report = Migration.check(stranded, Lifecycle.standard());

        assertThat(report.problems()).containsExactly("ASSIGNED: held an agent, now does not (P1 of its sessions)",
                "ASSIGNED: no row path leads from it to a final state in 'stranded'");
    }
}
