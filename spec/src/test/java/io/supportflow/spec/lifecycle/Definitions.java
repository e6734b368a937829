package io.supportflow.spec.lifecycle;

import io.supportflow.spec.rating.RatingExpression;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of well-formed lifecycle definitions for properties in any package.
 *
 * <p>Every generated definition passes {@link LifecycleBuilder#build()}: random extra states, agent states and
 * final states; rows among them with guard and effect subsets (reopen rows out of final states); no-ops; every
 * policy, permissions included. Reachability (P7) is not guaranteed: filter with the model checker if needed.
 * One try in ten gives the standard lifecycle itself.
 */
public final class Definitions {
    private static final List<String> STANDARD_EVENTS =
            List.of(Events.OPEN, Events.UPDATE, Events.ASSIGN, Events.UNASSIGN, Events.CLOSE, Events.IDLE_TIMEOUT);
    private static final int MAX_STATES = 7;

    private Definitions() {
    }

    /** Well-formed definitions, shrinking towards few states, rows, no-ops and permissions. */
    public static Arbitrary<Lifecycle> definitions() {
        Arbitrary<Lifecycle> drawn = Combinators.combine(names(), stateNames().list().uniqueElements().ofMinSize(2)
                        .ofMaxSize(MAX_STATES), Arbitraries.of(Kind.class).list().ofSize(MAX_STATES - 1), events(),
                rows().list().ofMaxSize(16), ignores().list().ofMaxSize(5), policies(),
                permissions().list().ofMaxSize(3))
                .as(Draft::new).map(Draft::build);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(Lifecycle.standard())), Tuple.of(9, drawn));
    }

    private enum Kind { PLAIN, AGENT, FINAL }

    /** Indices are drawn unbounded and taken modulo the number of states or events, so nothing needs flatMap. */
    private record RowDraft(int source, int event, int target, List<Guard> guards, List<Effect> effects) {
    }

    private record IgnoreDraft(int state, int event) {
    }

    private record PermitDraft(int event, Set<Actor> actors) {
    }

    private record Draft(String name, List<String> states, List<Kind> kinds, List<String> events, List<RowDraft> rows,
                         List<IgnoreDraft> ignores, Policies policies, List<PermitDraft> permits) {

        Lifecycle build() {
            LifecycleBuilder b = Lifecycle.builder(name).initial(states.get(0));
            for (int i = 1; i < states.size(); i++) {
                switch (kind(i)) {
                    case AGENT -> b.agentState(states.get(i));
                    case FINAL -> b.finalState(states.get(i));
                    default -> b.state(states.get(i));
                }
            }
            Set<String> used = new LinkedHashSet<>();
            Set<List<Object>> stateEvents = new HashSet<>();
            Set<List<Object>> keys = new HashSet<>();
            for (RowDraft r : rows) {
                String source = state(r.source());
                String event = event(r.event());
                if (keys.add(List.of(source, event, Set.copyOf(r.guards())))) {
                    String target = states.get(1 + r.target() % (states.size() - 1));
                    b.add(new Transition(source, event, target, r.guards(), r.effects(), kind(r.source()) == Kind.FINAL));
                    stateEvents.add(List.of(source, event));
                    used.add(event);
                }
            }
            for (IgnoreDraft i : ignores) {
                String state = states.get(1 + i.state() % (states.size() - 1));
                if (stateEvents.add(List.of(state, event(i.event())))) {
                    b.ignore(state, event(i.event()));
                    used.add(event(i.event()));
                }
            }
            return b.policies(withPermissions(List.copyOf(used))).build();
        }

        /** The kind of state {@code i}; the last state is final when no other one is. */
        private Kind kind(int raw) {
            int i = raw % states.size();
            if (i == 0) {
                return null;
            }
            boolean anyFinal = kinds.subList(0, states.size() - 1).contains(Kind.FINAL);
            return !anyFinal && i == states.size() - 1 ? Kind.FINAL : kinds.get(i - 1);
        }

        private String state(int raw) {
            return states.get(raw % states.size());
        }

        private String event(int raw) {
            return events.get(raw % events.size());
        }

        private Policies withPermissions(List<String> used) {
            Map<String, Set<Actor>> permissions = new LinkedHashMap<>();
            if (!used.isEmpty()) {
                permits.forEach(p -> permissions.putIfAbsent(used.get(p.event() % used.size()), p.actors()));
            }
            return new Policies(policies.reopen(), policies.idleTimeout(), policies.agentCapacity(),
                    policies.assignment(), policies.autoAssignOnOpen(), policies.minimumRating(), permissions);
        }
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('-', '_', 'X', '7').ofMaxLength(12)
                .map(s -> "l" + s);
    }

    private static Arbitrary<String> stateNames() {
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '0', '9').ofMaxLength(10);
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'), rest).as((first, tail) -> first + tail);
    }

    private static Arbitrary<List<String>> events() {
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().ofMaxLength(10);
        Arbitrary<String> custom = Combinators.combine(Arbitraries.chars().range('a', 'z'), rest)
                .as((first, tail) -> first + tail);
        return Arbitraries.oneOf(Arbitraries.of(STANDARD_EVENTS), custom).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(6);
    }

    private static Arbitrary<Integer> index() {
        return Arbitraries.integers().between(0, 1 << 10);
    }

    private static Arbitrary<RowDraft> rows() {
        return Combinators.combine(index(), index(), index(),
                Arbitraries.of(Guard.class).list().uniqueElements().ofMaxSize(3),
                Arbitraries.of(Effect.class).list().uniqueElements().ofMaxSize(3)).as(RowDraft::new);
    }

    private static Arbitrary<IgnoreDraft> ignores() {
        return Combinators.combine(index(), index()).as(IgnoreDraft::new);
    }

    private static Arbitrary<PermitDraft> permissions() {
        return Combinators.combine(index(), Arbitraries.of(Actor.class).set().ofMaxSize(Actor.values().length))
                .as(PermitDraft::new);
    }

    private static Arbitrary<Policies> policies() {
        Arbitrary<Duration> durations = Arbitraries.longs().between(1, 400L * 24 * 3600 * 1000).map(Duration::ofMillis);
        Arbitrary<ReopenPolicy> reopen = Arbitraries.oneOf(Arbitraries.just(ReopenPolicy.always()),
                Arbitraries.just(ReopenPolicy.never()), durations.map(ReopenPolicy::within));
        return Combinators.combine(reopen, durations.injectNull(0.5),
                Arbitraries.integers().between(1, 50).injectNull(0.5), Arbitraries.of(AssignmentStrategy.class),
                Arbitraries.of(true, false), ratings().injectNull(0.5))
                .as((r, idle, capacity, strategy, auto, rating) -> new Policies(r, idle, capacity, strategy, auto,
                        rating, Map.of()));
    }

    /** Minimum ratings such as {@code gte 4}, {@code gt 2.5 && lte 5 || eq 1} or a bare {@code 4.5}. */
    private static Arbitrary<RatingExpression> ratings() {
        Arbitrary<String> number = Arbitraries.integers().between(0, 50).map(tenths -> tenths / 10 + "." + tenths % 10);
        Arbitrary<String> comparison = Combinators.combine(Arbitraries.of("gt", "gte", "lt", "lte", "eq"), number)
                .as((operator, value) -> operator + " " + value);
        Arbitrary<String> combined = Combinators.combine(comparison.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(" && ", " || ").list().ofSize(2)).as((comparisons, joins) -> {
                    StringBuilder s = new StringBuilder(comparisons.get(0));
                    for (int i = 1; i < comparisons.size(); i++) {
                        s.append(joins.get(i - 1)).append(comparisons.get(i));
                    }
                    return s.toString();
                });
        return Arbitraries.oneOf(number, combined).map(RatingExpression::parse);
    }
}
