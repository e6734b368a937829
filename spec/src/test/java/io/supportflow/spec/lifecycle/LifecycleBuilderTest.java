package io.supportflow.spec.lifecycle;

import static io.supportflow.spec.lifecycle.Transition.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class LifecycleBuilderTest {

    private static final Lifecycle STANDARD = Lifecycle.standard();

    /** A minimal well-formed table: NONE -open-> OPEN -close-> CLOSED. */
    private static LifecycleBuilder minimal() {
        return Lifecycle.builder("minimal")
                .initial("NONE")
                .state("OPEN")
                .finalState("CLOSED")
                .add("NONE", "open", "OPEN")
                .add("OPEN", "close", "CLOSED");
    }

    private static List<String> problemsOf(UnaryOperator<LifecycleBuilder> change) {
        try {
            change.apply(minimal()).build();
        } catch (InvalidLifecycleException e) {
            return e.problems();
        }
        throw new AssertionError("the builder accepted a malformed table");
    }

    @Test
    void theStandardLifecycleHasTheFourDesignStates() {
        assertThat(STANDARD.name()).isEqualTo("standard");
        assertThat(STANDARD.initialState()).isEqualTo(States.NONE);
        assertThat(STANDARD.states()).containsExactly(States.NONE, States.OPEN, States.ASSIGNED, States.CLOSED);
        assertThat(STANDARD.finalStates()).containsExactly(States.CLOSED);
        assertThat(STANDARD.agentStates()).containsExactly(States.ASSIGNED);
    }

    @Test
    void theStandardLifecycleHasTheDesignRowsInTableOrder() {
        assertThat(STANDARD.transitions()).extracting(Transition::label).containsExactly(
                "NONE --open--> OPEN when noAgentGiven",
                "NONE --open--> ASSIGNED when agentGiven & agentAvailable & withinCapacity & ratingMet",
                "CLOSED --open--> OPEN when noAgentGiven & reopenAllowed",
                "CLOSED --open--> ASSIGNED when agentGiven & reopenAllowed & agentAvailable & withinCapacity & ratingMet",
                "OPEN --update--> OPEN",
                "ASSIGNED --update--> ASSIGNED",
                "OPEN --assign--> ASSIGNED when agentAvailable & withinCapacity & ratingMet",
                "ASSIGNED --assign--> ASSIGNED when sameAgent",
                "ASSIGNED --assign--> ASSIGNED when otherAgent & agentAvailable & withinCapacity & ratingMet",
                "ASSIGNED --unassign--> OPEN",
                "OPEN --close--> CLOSED",
                "ASSIGNED --close--> CLOSED",
                "OPEN --idleTimeout--> CLOSED",
                "ASSIGNED --idleTimeout--> CLOSED");
    }

    @Test
    void onlyTheTwoRowsOutOfClosedAreReopens() {
        assertThat(STANDARD.transitions()).filteredOn(Transition::reopen)
                .extracting(Transition::source, Transition::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(States.CLOSED, States.OPEN),
                        org.assertj.core.groups.Tuple.tuple(States.CLOSED, States.ASSIGNED));
    }

    @Test
    void theStandardRowsApplyTheDesignEffects() {
        assertThat(STANDARD.transitionsFrom(States.NONE, Events.OPEN)).extracting(Transition::effects)
                .containsExactly(List.of(Effect.OPEN), List.of(Effect.OPEN, Effect.ASSIGN));
        assertThat(STANDARD.transitionsFrom(States.ASSIGNED, Events.ASSIGN)).extracting(Transition::effects)
                .containsExactly(List.of(Effect.UPDATE_AGENT), List.of(Effect.ASSIGN));
        assertThat(STANDARD.transitionsFrom(States.ASSIGNED, Events.CLOSE)).extracting(Transition::effects)
                .containsExactly(List.of(Effect.RELEASE));
        assertThat(STANDARD.transitionsFrom(States.OPEN, Events.CLOSE)).extracting(Transition::effects)
                .containsExactly(List.of());
    }

    @Test
    void theStandardNoOpsAreClosingAClosedSessionAndUnassigningWithoutAnAgent() {
        assertThat(STANDARD.ignores()).containsExactly(new Ignore(States.CLOSED, Events.CLOSE),
                new Ignore(States.OPEN, Events.UNASSIGN), new Ignore(States.CLOSED, Events.UNASSIGN));
        assertThat(STANDARD.ignores(States.CLOSED, Events.CLOSE)).isTrue();
        assertThat(STANDARD.ignores(States.ASSIGNED, Events.CLOSE)).isFalse();
    }

    @Test
    void theStandardEventsAreTheStateChangingCommandsAndTheIdleTimer() {
        assertThat(STANDARD.events()).containsExactly(Events.OPEN, Events.UPDATE, Events.ASSIGN, Events.UNASSIGN,
                Events.CLOSE, Events.IDLE_TIMEOUT);
    }

    @Test
    void theStandardPoliciesReopenAlwaysWithNoLimitsAndExplicitAssignment() {
        Policies p = STANDARD.policies();
        assertThat(p).isEqualTo(Policies.standard());
        assertThat(p.reopen()).isEqualTo(new ReopenPolicy.Always());
        assertThat(p.idleTimeout()).isNull();
        assertThat(p.agentCapacity()).isNull();
        assertThat(p.assignment()).isEqualTo(AssignmentStrategy.EXPLICIT);
        assertThat(p.autoAssignOnOpen()).isFalse();
        assertThat(p.minimumRating()).isNull();
        assertThat(p.permissions()).isEmpty();
        assertThat(p.permits(Actor.CUSTOMER, Events.CLOSE)).isTrue();
    }

    @Test
    void extendingTheStandardAddsStatesRowsAndPoliciesAfterTheBaseOnes() {
        Lifecycle plus = STANDARD.extend("support-plus")
                .state("WAITING_ON_CUSTOMER")
                .agentState("ESCALATED")
                .add(of("ASSIGNED", "escalate", "ESCALATED").when(Guard.HAS_AGENT).does(Effect.UPDATE_AGENT))
                .add(of("ESCALATED", "deescalate", "ASSIGNED"))
                .add(of("ESCALATED", "close", "CLOSED").does(Effect.RELEASE))
                .add(of("OPEN", "wait", "WAITING_ON_CUSTOMER"))
                .add(of("WAITING_ON_CUSTOMER", "resume", "OPEN"))
                .ignore("OPEN", "resume")
                .policies(p -> p.withAgentCapacity(3).withIdleTimeout(Duration.ofMinutes(30))
                        .permitting("escalate", Actor.AGENT, Actor.SUPERVISOR))
                .build();

        assertThat(plus.name()).isEqualTo("support-plus");
        assertThat(plus.states()).containsExactly("NONE", "OPEN", "ASSIGNED", "CLOSED", "WAITING_ON_CUSTOMER",
                "ESCALATED");
        assertThat(plus.agentStates()).containsExactly("ASSIGNED", "ESCALATED");
        assertThat(plus.finalStates()).containsExactly("CLOSED");
        assertThat(plus.transitions()).startsWith(STANDARD.transitions().toArray(Transition[]::new)).hasSize(19);
        assertThat(plus.ignores()).endsWith(new Ignore("OPEN", "resume")).hasSize(4);
        assertThat(plus.policies().agentCapacity()).isEqualTo(3);
        assertThat(plus.policies().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(plus.policies().permits(Actor.CUSTOMER, "escalate")).isFalse();
        assertThat(plus.policies().permits(Actor.SUPERVISOR, "escalate")).isTrue();
    }

    @Test
    void extendingLeavesTheBaseDefinitionUnchanged() {
        STANDARD.extend("other").state("EXTRA").add("OPEN", "park", "EXTRA").build();

        assertThat(STANDARD.states()).containsExactly("NONE", "OPEN", "ASSIGNED", "CLOSED");
        assertThat(STANDARD.transitions()).hasSize(14);
    }

    @Test
    void extendingWithNothingNewGivesAnEqualDefinitionUnderTheNewName() {
        Lifecycle copy = STANDARD.extend("standard").build();

        assertThat(copy).isEqualTo(STANDARD);
    }

    @Test
    void aMinimalTableIsWellFormed() {
        Lifecycle minimal = minimal().build();

        assertThat(minimal.events()).containsExactly("open", "close");
        assertThat(minimal.isFinal("CLOSED")).isTrue();
        assertThat(minimal.holdsAgent("OPEN")).isFalse();
    }

    @Test
    void aRowFromAnUnknownStateIsRefused() {
        assertThat(problemsOf(b -> b.add("LIMBO", "wake", "OPEN")))
                .containsExactly("row LIMBO --wake--> OPEN: unknown source state LIMBO");
    }

    @Test
    void aRowIntoAnUnknownStateIsRefused() {
        assertThat(problemsOf(b -> b.add("OPEN", "park", "LIMBO")))
                .containsExactly("row OPEN --park--> LIMBO: unknown target state LIMBO");
    }

    @Test
    void aPlainRowOutOfAFinalStateIsRefused() {
        assertThat(problemsOf(b -> b.add("CLOSED", "open", "OPEN")))
                .containsExactly("row CLOSED --open--> OPEN: leaves final state CLOSED but is not a declared reopen");
    }

    @Test
    void aReopenOutOfAStateThatIsNotFinalIsRefused() {
        assertThat(problemsOf(b -> b.reopen(of("OPEN", "reset", "OPEN"))))
                .containsExactly("row OPEN --reset--> OPEN: is a reopen but OPEN is not a final state");
    }

    @Test
    void aReopenOutOfAFinalStateIsAccepted() {
        Lifecycle reopenable = minimal().reopen(of("CLOSED", "open", "OPEN").when(Guard.REOPEN_ALLOWED)).build();

        assertThat(reopenable.transitionsFrom("CLOSED", "open")).singleElement()
                .satisfies(row -> assertThat(row.reopen()).isTrue());
    }

    @Test
    void aRowIntoTheInitialStateIsRefused() {
        assertThat(problemsOf(b -> b.add("OPEN", "forget", "NONE")))
                .containsExactly("row OPEN --forget--> NONE: nothing may enter the initial state NONE");
    }

    @Test
    void aSecondRowWithTheSameStateEventAndGuardsIsRefused() {
        assertThat(problemsOf(b -> b.add(of("OPEN", "close", "OPEN").does(Effect.UPDATE))))
                .containsExactly("row OPEN --close--> OPEN: duplicate (state, event, guards)");
    }

    @Test
    void guardsInAnotherOrderMakeTheSameKey() {
        assertThat(problemsOf(b -> b.add(of("OPEN", "park", "OPEN").when(Guard.HAS_AGENT, Guard.RATING_MET))
                .add(of("OPEN", "park", "CLOSED").when(Guard.RATING_MET, Guard.HAS_AGENT))))
                .containsExactly("row OPEN --park--> CLOSED when ratingMet & hasAgent: duplicate (state, event, guards)");
    }

    @Test
    void rowsWithTheSameStateAndEventButOtherGuardsAreAccepted() {
        Lifecycle table = minimal().add(of("OPEN", "park", "OPEN").when(Guard.HAS_AGENT))
                .add(of("OPEN", "park", "CLOSED").when(Guard.NO_AGENT)).build();

        assertThat(table.transitionsFrom("OPEN", "park")).hasSize(2);
    }

    @Test
    void aStateNameThatIsNotUpperCaseIsRefused() {
        assertThat(problemsOf(b -> b.state("Waiting")))
                .containsExactly("state 'Waiting' must match [A-Z][A-Z0-9_]{0,63}");
    }

    @Test
    void aStateNameLongerThanSixtyFourCharactersIsRefused() {
        String longName = "S".repeat(65);
        assertThat(problemsOf(b -> b.state(longName)))
                .containsExactly("state '" + longName + "' must match [A-Z][A-Z0-9_]{0,63}");
    }

    @Test
    void anEventNameThatIsNotCamelCaseIsRefused() {
        assertThat(problemsOf(b -> b.add("OPEN", "Park-it", "OPEN")))
                .containsExactly("row OPEN --Park-it--> OPEN: event 'Park-it' must match [a-z][A-Za-z0-9]{0,63}");
    }

    @Test
    void aBadLifecycleNameIsRefused() {
        assertThatThrownBy(() -> Lifecycle.builder("9 lives").initial("NONE").finalState("CLOSED")
                .add("NONE", "open", "CLOSED").build())
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .containsExactly("name '9 lives' must match [A-Za-z][A-Za-z0-9_-]{0,63}"));
    }

    @Test
    void aStateDeclaredTwiceIsRefused() {
        assertThat(problemsOf(b -> b.state("OPEN"))).containsExactly("state OPEN declared twice");
    }

    @Test
    void aNoOpThatShadowsARowIsRefused() {
        assertThat(problemsOf(b -> b.ignore("OPEN", "close")))
                .containsExactly("no-op OPEN/close shadows a row with the same state and event");
    }

    @Test
    void aNoOpInAnUnknownStateIsRefused() {
        assertThat(problemsOf(b -> b.ignore("LIMBO", "close"))).containsExactly("no-op LIMBO/close: unknown state");
    }

    @Test
    void aNoOpInTheInitialStateIsRefused() {
        assertThat(problemsOf(b -> b.ignore("NONE", "close")))
                .containsExactly("no-op NONE/close: the initial state has no session to return");
    }

    @Test
    void aNoOpDeclaredTwiceIsRefused() {
        assertThat(problemsOf(b -> b.ignore("CLOSED", "close").ignore("CLOSED", "close")))
                .containsExactly("no-op CLOSED/close declared twice");
    }

    @Test
    void aPermissionForAnEventNoRowNorNoOpNamesIsRefused() {
        assertThat(problemsOf(b -> b.policies(p -> p.permitting("escalate", Actor.SUPERVISOR))))
                .containsExactly("permission for unknown event escalate");
    }

    @Test
    void aPermissionForAnEventOnlyANoOpNamesIsAccepted() {
        Lifecycle table = minimal().ignore("CLOSED", "close").ignore("OPEN", "nudge")
                .policies(p -> p.permitting("nudge", Actor.CUSTOMER)).build();

        assertThat(table.policies().permissions()).isEqualTo(Map.of("nudge", Set.of(Actor.CUSTOMER)));
    }

    @Test
    void aFinalStateThatHoldsAnAgentIsRefused() {
        assertThatThrownBy(() -> new Lifecycle("held", "NONE", List.of("NONE", "CLOSED"), List.of("CLOSED"),
                List.of("CLOSED"), List.of(of("NONE", "open", "CLOSED")), List.of(), Policies.standard()))
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .containsExactly("final state CLOSED cannot hold an agent (P2)"));
    }

    @Test
    void aTableWithoutAFinalStateIsRefused() {
        assertThatThrownBy(() -> Lifecycle.builder("endless").initial("NONE").state("OPEN")
                .add("NONE", "open", "OPEN").build())
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .containsExactly("no final state declared"));
    }

    @Test
    void aTableWithoutAnInitialStateIsRefusedWithAProblemNotACrash() {
        assertThatThrownBy(() -> Lifecycle.builder("headless").state("OPEN").finalState("CLOSED")
                .add("OPEN", "close", "CLOSED").build())
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .containsExactly("no initial state declared"));
    }

    @Test
    void anInitialStateThatIsAlsoFinalIsRefused() {
        assertThatThrownBy(() -> new Lifecycle("short", "NONE", List.of("NONE", "CLOSED"), List.of("NONE", "CLOSED"),
                List.of(), List.of(of("NONE", "open", "CLOSED")), List.of(), Policies.standard()))
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .contains("initial state NONE cannot be final or hold an agent"));
    }

    @Test
    void anAgentStateThatIsNotDeclaredIsRefused() {
        assertThatThrownBy(() -> new Lifecycle("ghost", "NONE", List.of("NONE", "CLOSED"), List.of("CLOSED"),
                List.of("GHOST"), List.of(of("NONE", "open", "CLOSED")), List.of(), Policies.standard()))
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .containsExactly("agent state GHOST is not a declared state"));
    }

    @Test
    void aFinalOrAgentStateListedTwiceIsRefused() {
        assertThatThrownBy(() -> new Lifecycle("twice", "NONE", List.of("NONE", "HELD", "CLOSED"),
                List.of("CLOSED", "CLOSED"), List.of("HELD", "HELD"), List.of(of("NONE", "open", "HELD")), List.of(),
                Policies.standard()))
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems())
                        .containsExactly("final state CLOSED listed twice", "agent state HELD listed twice"));
    }

    @Test
    void agentStatesListedOutOfDeclarationOrderAreRefused() {
        assertThatThrownBy(() -> new Lifecycle("order", "NONE", List.of("NONE", "FIRST", "SECOND", "CLOSED"),
                List.of("CLOSED"), List.of("SECOND", "FIRST"), List.of(of("NONE", "open", "FIRST")), List.of(),
                Policies.standard()))
                .isInstanceOfSatisfying(InvalidLifecycleException.class, e -> assertThat(e.problems()).containsExactly(
                        "agent states [SECOND, FIRST] must be listed in the order the states are declared"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(problemsOf(b -> b.add("LIMBO", "wake", "NONE").ignore("OPEN", "close")))
                .containsExactly("row LIMBO --wake--> NONE: unknown source state LIMBO",
                        "row LIMBO --wake--> NONE: nothing may enter the initial state NONE",
                        "no-op OPEN/close shadows a row with the same state and event");
    }

    @Test
    void theExceptionMessageListsTheProblems() {
        assertThatThrownBy(() -> minimal().add("OPEN", "park", "LIMBO").build())
                .hasMessage("invalid lifecycle: row OPEN --park--> LIMBO: unknown target state LIMBO");
    }

    @Test
    void buildCanBeCalledAgainAfterMoreRows() {
        LifecycleBuilder builder = minimal();
        Lifecycle first = builder.build();
        Lifecycle second = builder.add("OPEN", "update", "OPEN").build();

        assertThat(first.transitions()).hasSize(2);
        assertThat(second.transitions()).hasSize(3);
    }
}
