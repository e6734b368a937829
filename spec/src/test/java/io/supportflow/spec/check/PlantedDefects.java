package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.lifecycle.Transition;

import java.util.Map;

/** The standard lifecycle with one defect planted, each a breach every checker must find. */
final class PlantedDefects {
    /** P7: OPEN --escalate--> STUCK, and nothing leaves STUCK. */
    static final Lifecycle TRAP = Lifecycle.standard().extend("stuck")
            .state("STUCK")
            .add(Transition.of(States.OPEN, "escalate", "STUCK"))
            .build();

    /** P1 (and P2 after closing): ASSIGNED --park--> OPEN keeps the agent, no release. */
    static final Lifecycle MISSING_RELEASE = Lifecycle.standard().extend("leaky")
            .add(Transition.of(States.ASSIGNED, "park", States.OPEN))
            .build();

    /** P7: a second assign row out of ASSIGNED that only needs an agent, enabled with either standard one. */
    static final Lifecycle NONDETERMINISTIC_PAIR = Lifecycle.standard().extend("twice")
            .add(Transition.of(States.ASSIGNED, "assign", States.ASSIGNED).when(Guard.AGENT_GIVEN)
                    .does(Effect.UPDATE_AGENT))
            .build();

    /** P3: OPEN --grab--> ASSIGNED assigns without withinCapacity under capacity 1. */
    static final Lifecycle CAPACITY_BREACH = Lifecycle.standard().extend("grabbing")
            .add(Transition.of(States.OPEN, "grab", States.ASSIGNED).when(Guard.AGENT_GIVEN).does(Effect.ASSIGN))
            .policies(p -> p.withAgentCapacity(1))
            .build();

    /** Each planted definition and the breach (as {@link CrossCheck} keys it) it must show. */
    static final Map<Lifecycle, String> EXPECTED = Map.of(
            TRAP, "P7 trap STUCK",
            MISSING_RELEASE, "P1 OPEN",
            NONDETERMINISTIC_PAIR, "P7 rows ASSIGNED assign",
            CAPACITY_BREACH, "P3 a1");

    private PlantedDefects() {
    }
}
