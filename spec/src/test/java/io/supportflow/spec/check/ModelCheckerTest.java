package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.rating.RatingExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCheckerTest {

    private static Lifecycle standardWith(UnaryOperator<Policies> change) {
        return Lifecycle.standard().extend("variant").policies(change).build();
    }

    static Stream<Lifecycle> standardVariants() {
        return Stream.of(Lifecycle.standard(),
                standardWith(p -> p.withAgentCapacity(1)),
                standardWith(p -> p.withAgentCapacity(2)),
                standardWith(p -> p.withIdleTimeout(Duration.ofMinutes(30))),
                standardWith(p -> p.withReopen(ReopenPolicy.never())),
                standardWith(p -> p.withReopen(ReopenPolicy.within(Duration.ofHours(1)))),
                standardWith(p -> p.withMinimumRating(RatingExpression.parse("gte 4"))),
                standardWith(p -> p.withAssignment(AssignmentStrategy.ROUND_ROBIN).withAutoAssignOnOpen(true)),
                standardWith(p -> p.withAssignment(AssignmentStrategy.LEAST_LOADED).withAgentCapacity(1)));
    }

    @ParameterizedTest
    @MethodSource("standardVariants")
    void theStandardLifecycleAndItsPolicyVariantsHaveNoViolation(Lifecycle definition) {
        CheckReport report = ModelChecker.check(definition);

        assertThat(report.violations()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.unreachableStates()).isEmpty();
    }

    @Test
    void theStandardReportRendersTheBoundsTheSizesAndTheDormantIdleRows() {
        assertThat(ModelChecker.check(Lifecycle.standard()).render()).isEqualTo("""
                Model check of lifecycle 'standard' with 2 orders; agents: a1 (capacity 1), a2 (capacity 1)
                Explored 5 configurations of one order and 13 configurations of all orders.
                OK: P1, P2, P3 and P7 hold.
                Unreachable states: none
                Dormant rows:
                  OPEN --idleTimeout--> CLOSED
                  ASSIGNED --idleTimeout--> CLOSED
                """);
    }

    @Test
    void withTheIdlePolicyOnTheIdleRowsFire() {
        CheckReport report = ModelChecker.check(standardWith(p -> p.withIdleTimeout(Duration.ofMinutes(30))));

        assertThat(report.dormantRows()).isEmpty();
    }

    @Test
    void aReopenWindowDoublesTheClosedConfigurations() {
        CheckReport always = ModelChecker.check(Lifecycle.standard());
        CheckReport within = ModelChecker.check(standardWith(p -> p.withReopen(ReopenPolicy.within(Duration.ofHours(1)))));

        assertThat(within.orderConfigurations()).isEqualTo(always.orderConfigurations() + 1);
        assertThat(within.dormantRows()).isEqualTo(always.dormantRows());
    }

    @Test
    void underReopenNeverTheReopenRowsAreDormant() {
        CheckReport report = ModelChecker.check(standardWith(p -> p.withReopen(ReopenPolicy.never())));

        assertThat(report.dormantRows()).contains("CLOSED --open--> OPEN when noAgentGiven & reopenAllowed");
    }

    @Test
    void aRowIntoANonAgentStateWithoutReleaseBreaksP1WithAShortestTrace() {
        Lifecycle leaky = PlantedDefects.MISSING_RELEASE;

        CheckReport report = ModelChecker.check(leaky);

        assertThat(report.violations()).filteredOn(v -> v.property().equals("P1"))
                .extracting(Violation::render)
                .contains("""
                        P1: an order in OPEN (not an agent state) still has agent a1
                          1. o1: open a1 by CUSTOMER -> ASSIGNED
                          2. o1: park by CUSTOMER -> OPEN
                        """);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void aRowIntoAFinalStateWithoutReleaseBreaksP2() {
        Lifecycle abandoning = Lifecycle.standard().extend("abandoning")
                .add(Transition.of(States.ASSIGNED, "abandon", States.CLOSED))
                .build();

        CheckReport report = ModelChecker.check(abandoning);

        assertThat(report.violations()).filteredOn(v -> v.property().equals("P2"))
                .singleElement()
                .satisfies(v -> assertThat(v.description()).isEqualTo("an order in CLOSED (final) keeps agent a1"))
                .satisfies(v -> assertThat(v.trace()).hasSize(2));
    }

    @Test
    void aRowThatAssignsWithoutWithinCapacityBreaksP3OnlyWithTwoOrders() {
        Lifecycle grabbing = PlantedDefects.CAPACITY_BREACH;

        CheckReport two = ModelChecker.check(grabbing);
        CheckReport one = ModelChecker.check(grabbing, Bounds.defaults(grabbing).withOrders(1));

        assertThat(two.violations()).extracting(Violation::property).containsExactly("P3", "P3");
        assertThat(two.violations().get(0).description()).isEqualTo("agent a1 has 2 ACTIVE assignments, above its capacity 1");
        assertThat(two.violations().get(0).trace()).extracting(TraceStep::render).containsExactly(
                "o1: open by CUSTOMER -> OPEN", "o2: open a1 by CUSTOMER -> ASSIGNED", "o1: grab a1 by CUSTOMER -> ASSIGNED");
        assertThat(one.ok()).isTrue();
    }

    @Test
    void twoRowsEnabledForOneCommandAreReportedAsANondeterministicPairAndTheirInterplayWithCapacityAsP1() {
        Lifecycle twice = PlantedDefects.NONDETERMINISTIC_PAIR;

        CheckReport report = ModelChecker.check(twice);

        assertThat(report.violations()).extracting(Violation::render).containsExactly("""
                P1: an order in ASSIGNED has agent a2 but ACTIVE assignments of [a1]
                  1. o1: open a1 by CUSTOMER -> ASSIGNED
                  2. o2: open a2 by CUSTOMER -> ASSIGNED
                  3. o1: assign a2 by CUSTOMER -> ASSIGNED
                """, """
                P7: in ASSIGNED, one assign command enables 2 rows: ASSIGNED --assign--> ASSIGNED when otherAgent \
                & agentAvailable & withinCapacity & ratingMet; ASSIGNED --assign--> ASSIGNED when agentGiven
                  1. o1: open a1 by CUSTOMER -> ASSIGNED
                  2. o1: assign a2 by CUSTOMER -> ASSIGNED
                """, """
                P7: in ASSIGNED, one assign command enables 2 rows: ASSIGNED --assign--> ASSIGNED when sameAgent; \
                ASSIGNED --assign--> ASSIGNED when agentGiven
                  1. o1: open a1 by CUSTOMER -> ASSIGNED
                  2. o1: assign a1 by CUSTOMER -> ASSIGNED
                """);
    }

    @Test
    void aStateWithNoWayToAFinalStateIsATrap() {
        Lifecycle stuck = PlantedDefects.TRAP;

        CheckReport report = ModelChecker.check(stuck);

        assertThat(report.violations()).extracting(Violation::render).containsExactly("""
                P7: no final state is reachable from STUCK (a trap)
                  1. o1: open by CUSTOMER -> OPEN
                  2. o1: escalate by CUSTOMER -> STUCK
                """);
    }

    @Test
    void aStateNothingEntersIsUnreachableAndReportedWithoutATrace() {
        Lifecycle limbo = Lifecycle.standard().extend("limbo")
                .state("LIMBO")
                .add(Transition.of("LIMBO", "close", States.CLOSED))
                .build();

        CheckReport report = ModelChecker.check(limbo);

        assertThat(report.unreachableStates()).containsExactly("LIMBO");
        assertThat(report.dormantRows()).contains("LIMBO --close--> CLOSED");
        assertThat(report.violations()).singleElement()
                .satisfies(v -> assertThat(v.render()).isEqualTo("""
                        P7: state LIMBO is never reached
                          (no step needed)
                        """));
    }

    @Test
    void aReopenWindowTraceWaitsForTheWindowToPass() {
        Lifecycle late = Lifecycle.standard().extend("late")
                .state("LATE")
                .reopen(Transition.of(States.CLOSED, "appeal", "LATE").when(Guard.NO_AGENT_GIVEN))
                .add(Transition.of("LATE", "close", States.CLOSED))
                .policies(p -> p.withReopen(ReopenPolicy.within(Duration.ofHours(1))))
                .build();
        Lifecycle guarded = late.extend("guarded")
                .state("LOST")
                .reopen(Transition.of(States.CLOSED, "lose", "LOST").when(Guard.REOPEN_ALLOWED))
                .build();

        CheckReport report = ModelChecker.check(guarded);

        assertThat(report.violations()).extracting(Violation::render).containsExactly("""
                P7: no final state is reachable from LOST (a trap)
                  1. o1: open by CUSTOMER -> OPEN
                  2. o1: close by CUSTOMER -> CLOSED
                  3. o1: lose by CUSTOMER -> LOST
                """);
        assertThat(ModelChecker.check(late).ok()).isTrue();
    }

    @Test
    void aGeneratedDefinitionOf200StatesAnd2000RowsIsExploredCompletelyAndFoundClean() {
        Lifecycle large = LargeLifecycles.generate(200, 2000, 42);

        CheckReport report = ModelChecker.check(large);

        assertThat(large.states()).hasSize(200);
        assertThat(large.transitions()).hasSize(2000);
        assertThat(report.violations()).isEmpty();
        assertThat(report.unreachableStates()).isEmpty();
        assertThat(report.configurations()).isGreaterThan(report.orderConfigurations());
    }

    @Test
    void anUpdateCarryingTheCurrentAgentIsExplored() {
        Lifecycle pinning = Lifecycle.builder("pinning").initial(States.NONE)
                .state(States.OPEN).agentState(States.ASSIGNED).agentState("PINNED").finalState(States.CLOSED)
                .add(Transition.of(States.NONE, "open", States.OPEN).when(Guard.NO_AGENT_GIVEN).does(Effect.OPEN))
                .add(Transition.of(States.NONE, "open", States.ASSIGNED).when(Guard.AGENT_GIVEN, Guard.WITHIN_CAPACITY)
                        .does(Effect.OPEN, Effect.ASSIGN))
                .add(Transition.of(States.ASSIGNED, "update", States.ASSIGNED).when(Guard.NO_AGENT_GIVEN))
                .add(Transition.of(States.ASSIGNED, "update", "PINNED").when(Guard.AGENT_GIVEN))
                .add(Transition.of(States.OPEN, "close", States.CLOSED))
                .add(Transition.of(States.ASSIGNED, "close", States.CLOSED).does(Effect.RELEASE))
                .add(Transition.of("PINNED", "close", States.CLOSED).does(Effect.RELEASE))
                .build();

        CheckReport report = ModelChecker.check(pinning);

        assertThat(report.violations()).isEmpty();
        assertThat(report.dormantRows()).isEmpty();
    }

    @Test
    void checkingTwiceGivesEqualReports() {
        Lifecycle stuck = Lifecycle.standard().extend("stuck")
                .state("STUCK")
                .add(Transition.of(States.OPEN, "escalate", "STUCK"))
                .add(Transition.of(States.ASSIGNED, "park", States.OPEN))
                .build();

        assertThat(ModelChecker.check(stuck)).isEqualTo(ModelChecker.check(stuck));
    }

    @Test
    void defaultBoundsAreTwoOrdersAndTwoAgentsWithThePolicyCapacityOrOne() {
        assertThat(Bounds.defaults(Lifecycle.standard())).satisfies(b -> {
            assertThat(b.orders()).isEqualTo(2);
            assertThat(b.agents()).extracting(AgentProfile::agentId, AgentProfile::capacity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", 1), org.assertj.core.groups.Tuple.tuple("a2", 1));
        });
        assertThat(Bounds.defaults(standardWith(p -> p.withAgentCapacity(3))).agents())
                .extracting(AgentProfile::capacity).containsExactly(3, 3);
    }

    @Test
    void underAMinimumRatingTheDefaultBoundsAddAnAgentBelowIt() {
        List<AgentProfile> agents = Bounds.defaults(standardWith(p -> p.withMinimumRating(RatingExpression.parse("gte 4")))).agents();

        assertThat(agents).extracting(p -> p.agent().rating()).containsExactly("5", "5", "0");
    }

    @Test
    void boundsNeedAnOrderAndDistinctAgents() {
        AgentProfile a1 = Bounds.defaults(Lifecycle.standard()).agents().get(0);

        assertThatThrownBy(() -> new Bounds(0, List.of(a1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bounds(1, List.of(a1, a1))).isInstanceOf(IllegalArgumentException.class);
    }
}
