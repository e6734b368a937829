package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.LifecycleBuilder;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Large well-behaved definitions for scale runs of the checker: {@code states} states (the initial one included;
 * every seventh a final state, every third an agent state), a chain {@code S1 -> S2 -> ...} into a final state so
 * that every state is reachable and can finish, then random rows up to {@code rows}. Each (state, event) has at most
 * one row without an agent and one with, so no command enables two rows; rows into agent states assign with
 * {@code withinCapacity}, rows out of them release. Deterministic for a seed.
 */
final class LargeLifecycles {
    private static final int CUSTOM_EVENTS = 20;
    private static final List<String> STANDARD = List.of(Events.OPEN, Events.UPDATE, Events.CLOSE, Events.ASSIGN,
            Events.UNASSIGN);

    private LargeLifecycles() {
    }

    static Lifecycle generate(int states, int rows, long seed) {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        LifecycleBuilder b = Lifecycle.builder("large" + states + "x" + rows).initial("NONE");
        names.add("NONE");
        for (int i = 1; i < states; i++) {
            String name = String.format("S%03d", i);
            names.add(name);
            if (i % 7 == 0 || i == states - 1) {
                b.finalState(name);
            } else if (i % 3 == 0) {
                b.agentState(name);
            } else {
                b.state(name);
            }
        }
        Lifecycle shape = b.add("NONE", Events.OPEN, names.get(1)).build();
        List<String> events = new ArrayList<>(STANDARD);
        for (int e = 0; e < CUSTOM_EVENTS; e++) {
            events.add("e" + e);
        }
        Set<List<Object>> taken = new HashSet<>();
        LifecycleBuilder table = Lifecycle.builder(shape.name()).initial("NONE");
        shape.states().subList(1, states).forEach(s -> declare(table, shape, s));
        table.add(row(shape, "NONE", Events.OPEN, names.get(1), false, taken));
        int count = 1;
        for (int i = 1; i < states - 1; i++) {
            table.add(row(shape, names.get(i), events.get(STANDARD.size() + i % CUSTOM_EVENTS), names.get(i + 1),
                    shape.holdsAgent(names.get(i + 1)), taken));
            count++;
        }
        while (count < rows) {
            String source = names.get(1 + random.nextInt(states - 1));
            String event = events.get(random.nextInt(events.size()));
            String target = names.get(1 + random.nextInt(states - 1));
            boolean withAgent = shape.holdsAgent(target) || random.nextBoolean();
            Transition t = row(shape, source, event, target, withAgent, taken);
            if (t != null) {
                table.add(t);
                count++;
            }
        }
        return table.build();
    }

    private static void declare(LifecycleBuilder b, Lifecycle shape, String state) {
        if (shape.isFinal(state)) {
            b.finalState(state);
        } else if (shape.holdsAgent(state)) {
            b.agentState(state);
        } else {
            b.state(state);
        }
    }

    /** A row from source on event, the "with agent" or "without agent" one; null when that one is taken. */
    private static Transition row(Lifecycle shape, String source, String event, String target, boolean withAgent,
                                  Set<List<Object>> taken) {
        if (!taken.add(List.of(source, event, withAgent))) {
            return null;
        }
        boolean into = shape.holdsAgent(target);
        boolean outOf = shape.holdsAgent(source);
        List<Guard> guards = withAgent ? (into ? List.of(Guard.AGENT_GIVEN, Guard.WITHIN_CAPACITY)
                : List.of(Guard.AGENT_GIVEN)) : List.of(Guard.NO_AGENT_GIVEN);
        List<Effect> effects = into ? List.of(Effect.ASSIGN) : outOf ? List.of(Effect.RELEASE) : List.of();
        if (into && !withAgent) {
            return null;
        }
        return new Transition(source, event, target, guards, effects, shape.isFinal(source));
    }
}
