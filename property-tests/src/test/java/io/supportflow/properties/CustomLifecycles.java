package io.supportflow.properties;

import io.supportflow.spec.check.ModelChecker;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.LifecycleBuilder;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.rating.RatingExpression;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.supportflow.spec.lifecycle.Effect.ASSIGN;
import static io.supportflow.spec.lifecycle.Effect.RELEASE;
import static io.supportflow.spec.lifecycle.Effect.UPDATE;
import static io.supportflow.spec.lifecycle.Effect.UPDATE_AGENT;
import static io.supportflow.spec.lifecycle.Guard.AGENT_AVAILABLE;
import static io.supportflow.spec.lifecycle.Guard.OTHER_AGENT;
import static io.supportflow.spec.lifecycle.Guard.RATING_MET;
import static io.supportflow.spec.lifecycle.Guard.SAME_AGENT;
import static io.supportflow.spec.lifecycle.Guard.WITHIN_CAPACITY;
import static io.supportflow.spec.lifecycle.Transition.of;

/**
 * Custom lifecycles built with the {@link LifecycleBuilder} from the standard one: an ESCALATED agent state, a
 * WAITING_ON_CUSTOMER state, an ARCHIVED final state without reopen, a table without the reopen-with-agent row, and
 * every policy (reopen never or within a window, idle timeout, capacity, strategies, auto-assign, minimum rating,
 * permissions). Only definitions the model checker accepts are kept.
 */
final class CustomLifecycles {
    static final String ESCALATED = "ESCALATED";
    static final String WAITING = "WAITING_ON_CUSTOMER";
    static final String ARCHIVED = "ARCHIVED";
    private static final Map<Lifecycle, Boolean> CHECKED = new ConcurrentHashMap<>();

    private CustomLifecycles() {
    }

    /** Custom lifecycles the model checker accepts. */
    static Arbitrary<Lifecycle> accepted() {
        return built().filter(CustomLifecycles::checkerAccepts);
    }

    /** Every custom lifecycle this class builds, accepted by the model checker or not. */
    static Arbitrary<Lifecycle> built() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), policies())
                .as(CustomLifecycles::build);
    }

    private static boolean checkerAccepts(Lifecycle definition) {
        return CHECKED.computeIfAbsent(definition, d -> ModelChecker.check(d).ok());
    }

    private static Lifecycle build(boolean escalation, boolean waiting, boolean archive, boolean reopenWithAgent,
                                   Policies policies) {
        Lifecycle base = reopenWithAgent ? Lifecycle.standard() : withoutReopenWithAgent();
        LifecycleBuilder b = base.extend("custom" + (escalation ? "-escalation" : "") + (waiting ? "-waiting" : "")
                + (archive ? "-archive" : "") + (reopenWithAgent ? "" : "-plain-reopen"));
        if (escalation) {
            escalation(b);
        }
        if (waiting) {
            waiting(b);
        }
        if (archive) {
            b.finalState(ARCHIVED)
                    .add(of(States.OPEN, "archive", ARCHIVED))
                    .add(of(States.ASSIGNED, "archive", ARCHIVED).does(RELEASE))
                    .ignore(ARCHIVED, Events.CLOSE);
        }
        return b.policies(escalation ? policies.permitting("escalate", Actor.AGENT, Actor.SUPERVISOR) : policies)
                .build();
    }

    private static Lifecycle withoutReopenWithAgent() {
        LifecycleBuilder b = Lifecycle.builder("plain-reopen").initial(States.NONE).state(States.OPEN)
                .agentState(States.ASSIGNED).finalState(States.CLOSED);
        for (Transition row : Lifecycle.standard().transitions()) {
            if (!(row.reopen() && row.target().equals(States.ASSIGNED))) {
                b.add(row);
            }
        }
        Lifecycle.standard().ignores().forEach(i -> b.ignore(i.state(), i.event()));
        return b.build();
    }

    private static void escalation(LifecycleBuilder b) {
        b.agentState(ESCALATED)
                .add(of(States.ASSIGNED, "escalate", ESCALATED))
                .add(of(ESCALATED, "deescalate", States.ASSIGNED))
                .add(of(ESCALATED, Events.UPDATE, ESCALATED).does(UPDATE))
                .add(of(ESCALATED, Events.ASSIGN, ESCALATED).when(SAME_AGENT).does(UPDATE_AGENT))
                .add(of(ESCALATED, Events.ASSIGN, ESCALATED)
                        .when(OTHER_AGENT, AGENT_AVAILABLE, WITHIN_CAPACITY, RATING_MET).does(ASSIGN))
                .add(of(ESCALATED, Events.UNASSIGN, States.OPEN).does(RELEASE))
                .add(of(ESCALATED, Events.CLOSE, States.CLOSED).does(RELEASE))
                .add(of(ESCALATED, Events.IDLE_TIMEOUT, States.CLOSED).does(RELEASE));
    }

    private static void waiting(LifecycleBuilder b) {
        b.state(WAITING)
                .add(of(States.OPEN, "await", WAITING))
                .add(of(WAITING, "reply", States.OPEN))
                .add(of(WAITING, Events.UPDATE, States.OPEN).does(UPDATE))
                .add(of(WAITING, Events.CLOSE, States.CLOSED))
                .add(of(WAITING, Events.IDLE_TIMEOUT, States.CLOSED))
                .ignore(WAITING, Events.UNASSIGN);
    }

    private static Arbitrary<Policies> policies() {
        Arbitrary<ReopenPolicy> reopen = Arbitraries.of(ReopenPolicy.always(), ReopenPolicy.never(),
                ReopenPolicy.within(Duration.ofHours(1)), ReopenPolicy.within(Duration.ofDays(1)));
        Arbitrary<Duration> idle = Arbitraries.of(Duration.ofMinutes(30), Duration.ofHours(2)).injectNull(0.3);
        Arbitrary<Integer> capacity = Arbitraries.of(1, 2).injectNull(0.3);
        Arbitrary<RatingExpression> rating = Arbitraries.of("gte 3", "gt 2 && lte 4.5").map(RatingExpression::parse)
                .injectNull(0.5);
        Arbitrary<Boolean> closeRestricted = Arbitraries.of(true, false);
        return Combinators.combine(reopen, idle, capacity, Arbitraries.of(AssignmentStrategy.class),
                        Arbitraries.of(true, false), rating, closeRestricted)
                .as((r, i, c, s, auto, min, restricted) -> {
                    Policies p = new Policies(r, i, c, s, auto, min, Map.of());
                    return restricted ? p.permitting(Events.CLOSE, Actor.CUSTOMER, Actor.SUPERVISOR) : p;
                });
    }
}
