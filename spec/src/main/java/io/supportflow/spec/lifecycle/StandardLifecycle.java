package io.supportflow.spec.lifecycle;

import static io.supportflow.spec.lifecycle.Effect.ASSIGN;
import static io.supportflow.spec.lifecycle.Effect.OPEN;
import static io.supportflow.spec.lifecycle.Effect.RELEASE;
import static io.supportflow.spec.lifecycle.Effect.UPDATE;
import static io.supportflow.spec.lifecycle.Effect.UPDATE_AGENT;
import static io.supportflow.spec.lifecycle.Guard.AGENT_AVAILABLE;
import static io.supportflow.spec.lifecycle.Guard.AGENT_GIVEN;
import static io.supportflow.spec.lifecycle.Guard.NO_AGENT_GIVEN;
import static io.supportflow.spec.lifecycle.Guard.OTHER_AGENT;
import static io.supportflow.spec.lifecycle.Guard.RATING_MET;
import static io.supportflow.spec.lifecycle.Guard.REOPEN_ALLOWED;
import static io.supportflow.spec.lifecycle.Guard.SAME_AGENT;
import static io.supportflow.spec.lifecycle.Guard.WITHIN_CAPACITY;
import static io.supportflow.spec.lifecycle.Transition.of;

/** The standard lifecycle of DESIGN §1–§2, written once. */
final class StandardLifecycle {

    static final Lifecycle DEFINITION = Lifecycle.builder("standard")
            .initial(States.NONE)
            .state(States.OPEN)
            .agentState(States.ASSIGNED)
            .finalState(States.CLOSED)
            .add(of(States.NONE, Events.OPEN, States.OPEN).when(NO_AGENT_GIVEN).does(OPEN))
            .add(of(States.NONE, Events.OPEN, States.ASSIGNED)
                    .when(AGENT_GIVEN, AGENT_AVAILABLE, WITHIN_CAPACITY, RATING_MET).does(OPEN, ASSIGN))
            .reopen(of(States.CLOSED, Events.OPEN, States.OPEN).when(NO_AGENT_GIVEN, REOPEN_ALLOWED).does(OPEN))
            .reopen(of(States.CLOSED, Events.OPEN, States.ASSIGNED)
                    .when(AGENT_GIVEN, REOPEN_ALLOWED, AGENT_AVAILABLE, WITHIN_CAPACITY, RATING_MET).does(OPEN, ASSIGN))
            .add(of(States.OPEN, Events.UPDATE, States.OPEN).does(UPDATE))
            .add(of(States.ASSIGNED, Events.UPDATE, States.ASSIGNED).does(UPDATE))
            .add(of(States.OPEN, Events.ASSIGN, States.ASSIGNED).when(AGENT_AVAILABLE, WITHIN_CAPACITY, RATING_MET).does(ASSIGN))
            .add(of(States.ASSIGNED, Events.ASSIGN, States.ASSIGNED).when(SAME_AGENT).does(UPDATE_AGENT))
            .add(of(States.ASSIGNED, Events.ASSIGN, States.ASSIGNED)
                    .when(OTHER_AGENT, AGENT_AVAILABLE, WITHIN_CAPACITY, RATING_MET).does(ASSIGN))
            .add(of(States.ASSIGNED, Events.UNASSIGN, States.OPEN).does(RELEASE))
            .add(of(States.OPEN, Events.CLOSE, States.CLOSED))
            .add(of(States.ASSIGNED, Events.CLOSE, States.CLOSED).does(RELEASE))
            .add(of(States.OPEN, Events.IDLE_TIMEOUT, States.CLOSED))
            .add(of(States.ASSIGNED, Events.IDLE_TIMEOUT, States.CLOSED).does(RELEASE))
            .ignore(States.CLOSED, Events.CLOSE)
            .ignore(States.OPEN, Events.UNASSIGN)
            .ignore(States.CLOSED, Events.UNASSIGN)
            .build();

    private StandardLifecycle() {
    }
}
