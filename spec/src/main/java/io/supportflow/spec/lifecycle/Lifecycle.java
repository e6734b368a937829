package io.supportflow.spec.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A lifecycle definition as data: states, the transition table, idempotent no-ops and policies. The one source
 * of truth from which the runtime machine, the reference model, the model checker and the diagrams are derived.
 *
 * <p>Immutable and always well formed: every constructor path validates (see {@link LifecycleBuilder#build()})
 * and throws {@link InvalidLifecycleException} listing every problem. Two definitions are equal when all their
 * components are equal, in order.
 *
 * @param name          a name for diagrams and reports, {@code [A-Za-z][A-Za-z0-9_-]*}
 * @param initialState  the pseudo-state of an order without a session; never a target
 * @param states        every state, the initial one first, in declaration order
 * @param finalStates   states nothing leaves but a {@link Transition#reopen() reopen} row
 * @param agentStates   states in which the session holds exactly one agent (P1)
 * @param transitions   the table, in declaration order (order breaks no ties: P7 wants one enabled row)
 * @param ignores       (state, event) pairs accepted as idempotent no-ops
 * @param policies      the rules parameterising guards and timers
 */
public record Lifecycle(String name, String initialState, List<String> states, List<String> finalStates,
                        List<String> agentStates, List<Transition> transitions, List<Ignore> ignores,
                        Policies policies) {

    public Lifecycle {
        Objects.requireNonNull(policies, "policies");
        states = List.copyOf(states);
        finalStates = List.copyOf(finalStates);
        agentStates = List.copyOf(agentStates);
        transitions = List.copyOf(transitions);
        ignores = List.copyOf(ignores);
        LifecycleValidator.check(name, initialState, states, finalStates, agentStates, transitions, ignores, policies);
    }

    /** An empty builder. */
    public static LifecycleBuilder builder(String name) {
        return new LifecycleBuilder(name);
    }

    /** The standard lifecycle of DESIGN §1–§2 (NONE, OPEN, ASSIGNED, CLOSED) with standard policies. */
    public static Lifecycle standard() {
        return StandardLifecycle.DEFINITION;
    }

    /** A builder prefilled with this definition, to add states, rows, no-ops or change policies. */
    public LifecycleBuilder extend(String newName) {
        return new LifecycleBuilder(newName).copyOf(this);
    }

    public boolean isFinal(String state) {
        return finalStates.contains(state);
    }

    public boolean holdsAgent(String state) {
        return agentStates.contains(state);
    }

    /** Rows leaving {@code state} on {@code event}, in table order; empty when none. */
    public List<Transition> transitionsFrom(String state, String event) {
        List<Transition> rows = new ArrayList<>();
        for (Transition t : transitions) {
            if (t.source().equals(state) && t.event().equals(event)) {
                rows.add(t);
            }
        }
        return List.copyOf(rows);
    }

    /** Whether {@code event} in {@code state} is a declared idempotent no-op. */
    public boolean ignores(String state, String event) {
        return ignores.contains(new Ignore(state, event));
    }

    /** Every event named by a row or a no-op, in first-appearance order. */
    public List<String> events() {
        Set<String> events = new LinkedHashSet<>();
        for (Transition t : transitions) {
            events.add(t.event());
        }
        for (Ignore i : ignores) {
            events.add(i.event());
        }
        return List.copyOf(events);
    }
}
