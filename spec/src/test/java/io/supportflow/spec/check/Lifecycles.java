package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.LifecycleBuilder;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.rating.RatingExpression;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small valid lifecycle definitions for the checker's properties: the standard lifecycle with extra states and
 * rows, or a table drawn from scratch; random guards, effects, no-ops and policies. Never both an idle timeout
 * and a reopen window, so that every trace replays exactly on a reference model (see {@link Replay}).
 */
final class Lifecycles {
    private static final List<String> EVENTS = List.of(Events.OPEN, Events.UPDATE, Events.ASSIGN, Events.UNASSIGN,
            Events.CLOSE, Events.IDLE_TIMEOUT, "escalate", "resolve");

    private enum Kind { PLAIN, AGENT, FINAL }

    private record Row(int source, int event, int target, Set<Guard> guards, List<Effect> effects) {
    }

    private record Noop(int state, int event) {
    }

    private Lifecycles() {
    }

    static Arbitrary<Lifecycle> definitions() {
        Arbitrary<Boolean> onStandard = Arbitraries.of(true, false);
        Arbitrary<List<Kind>> extra = Arbitraries.of(Kind.class).list().ofMinSize(0).ofMaxSize(3);
        return Combinators.combine(onStandard, extra, policies(), rows().list().ofMaxSize(8),
                        noop().list().ofMaxSize(2),
                        permission())
                .as(Lifecycles::build);
    }

    private static Arbitrary<Row> rows() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 7);
        Arbitrary<Set<Guard>> guards = Arbitraries.of(Guard.class).set().ofMaxSize(2);
        Arbitrary<List<Effect>> effects = Arbitraries.of(Effect.class).list().uniqueElements().ofMaxSize(2);
        return Combinators.combine(index, Arbitraries.integers().between(0, EVENTS.size() - 1), index, guards, effects)
                .as(Row::new);
    }

    private static Arbitrary<Noop> noop() {
        return Combinators.combine(Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, EVENTS.size() - 1)).as(Noop::new);
    }

    private static Arbitrary<Policies> policies() {
        Arbitrary<ReopenPolicy> reopen = Arbitraries.of(ReopenPolicy.always(), ReopenPolicy.never(),
                ReopenPolicy.within(Duration.ofHours(1)));
        Arbitrary<Integer> capacity = Arbitraries.of(0, 1, 2);
        return Combinators.combine(reopen, Arbitraries.of(false, true), capacity,
                        Arbitraries.of(AssignmentStrategy.class), Arbitraries.of(false, true),
                        Arbitraries.of(false, true))
                .as((r, idle, cap, strategy, auto, rated) -> Policies.standard().withReopen(r)
                        .withIdleTimeout(idle && !(r instanceof ReopenPolicy.Within) ? Duration.ofMinutes(30) : null)
                        .withAgentCapacity(cap == 0 ? null : cap)
                        .withAssignment(strategy)
                        .withAutoAssignOnOpen(auto)
                        .withMinimumRating(rated ? RatingExpression.parse("gte 4") : null));
    }

    /** An event index and the actors it is restricted to (none: no restriction). */
    private static Arbitrary<Map.Entry<Integer, Set<Actor>>> permission() {
        return Combinators.combine(Arbitraries.integers().between(0, EVENTS.size() - 1),
                Arbitraries.of(Actor.class).set().ofMaxSize(2)).as(Map::entry);
    }

    private static Lifecycle build(boolean onStandard, List<Kind> extra, Policies policies, List<Row> rows,
                                   List<Noop> noopDrafts, Map.Entry<Integer, Set<Actor>> permission) {
        LifecycleBuilder b = onStandard ? Lifecycle.standard().extend("generated")
                : Lifecycle.builder("generated").initial("NONE");
        List<String> states = new ArrayList<>(onStandard ? Lifecycle.standard().states() : List.of("NONE"));
        List<String> finals = new ArrayList<>(onStandard ? Lifecycle.standard().finalStates() : List.of());
        Set<List<Object>> keys = new HashSet<>();
        Set<List<String>> noops = new HashSet<>();
        Set<List<String>> stateEvents = new HashSet<>();
        if (onStandard) {
            Lifecycle.standard().transitions().forEach(t -> remember(t, keys, stateEvents));
            Lifecycle.standard().ignores().forEach(i -> noops.add(List.of(i.state(), i.event())));
            stateEvents.addAll(noops);
        }
        for (int i = 0; i < extra.size() || finals.isEmpty(); i++) {
            Kind kind = i < extra.size() ? extra.get(i) : Kind.FINAL;
            String state = "X" + i;
            states.add(state);
            switch (kind) {
                case PLAIN -> b.state(state);
                case AGENT -> b.agentState(state);
                case FINAL -> {
                    b.finalState(state);
                    finals.add(state);
                }
            }
        }
        for (Row r : rows) {
            String source = states.get(r.source() % states.size());
            Transition t = new Transition(source, EVENTS.get(r.event()), states.get(1 + r.target() % (states.size() - 1)),
                    List.copyOf(r.guards()), r.effects(), finals.contains(source));
            if (keys.contains(key(t)) || noops.contains(List.of(source, t.event()))) {
                continue;
            }
            b.add(t);
            remember(t, keys, stateEvents);
        }
        for (Noop n : noopDrafts) {
            String state = states.get(1 + n.state() % (states.size() - 1));
            if (stateEvents.add(List.of(state, EVENTS.get(n.event())))) {
                b.ignore(state, EVENTS.get(n.event()));
            }
        }
        Lifecycle table = b.policies(policies).build();
        String restricted = EVENTS.get(permission.getKey());
        if (permission.getValue().isEmpty() || !table.events().contains(restricted)) {
            return table;
        }
        List<Actor> actors = List.copyOf(permission.getValue());
        return table.extend("generated").policies(p -> p.permitting(restricted, actors.get(0),
                actors.subList(1, actors.size()).toArray(Actor[]::new))).build();
    }

    private static List<Object> key(Transition t) {
        return List.of(t.source(), t.event(), Set.copyOf(t.guards()));
    }

    private static void remember(Transition t, Set<List<Object>> keys, Set<List<String>> stateEvents) {
        keys.add(key(t));
        stateEvents.add(List.of(t.source(), t.event()));
    }
}
