package io.supportflow.spec.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Builds a {@link Lifecycle} table row by row: {@code add(from, event, to)}. Not thread-safe; {@link #build()}
 * validates the whole table and may be called more than once.
 */
public final class LifecycleBuilder {
    private final String name;
    private String initial;
    private final List<String> states = new ArrayList<>();
    private final List<String> finals = new ArrayList<>();
    private final List<String> agentStates = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final List<Ignore> ignores = new ArrayList<>();
    private Policies policies = Policies.standard();

    LifecycleBuilder(String name) {
        this.name = name;
    }

    LifecycleBuilder copyOf(Lifecycle base) {
        initial = base.initialState();
        states.addAll(base.states());
        finals.addAll(base.finalStates());
        agentStates.addAll(base.agentStates());
        transitions.addAll(base.transitions());
        ignores.addAll(base.ignores());
        policies = base.policies();
        return this;
    }

    /** Declares the initial pseudo-state (no session yet) and makes it the first state. */
    public LifecycleBuilder initial(String state) {
        initial = state;
        states.remove(state);
        states.add(0, state);
        return this;
    }

    /** Declares a state without an agent. */
    public LifecycleBuilder state(String state) {
        states.add(state);
        return this;
    }

    /** Declares a state in which the session holds exactly one agent. */
    public LifecycleBuilder agentState(String state) {
        states.add(state);
        agentStates.add(state);
        return this;
    }

    /** Declares a final state: only {@link #reopen} rows may leave it. */
    public LifecycleBuilder finalState(String state) {
        states.add(state);
        finals.add(state);
        return this;
    }

    /** Adds an unguarded row without effects. */
    public LifecycleBuilder add(String from, String event, String to) {
        return add(Transition.of(from, event, to));
    }

    /** Adds a row. */
    public LifecycleBuilder add(Transition row) {
        transitions.add(row);
        return this;
    }

    /** Adds the declared reopen row out of a final state. */
    public LifecycleBuilder reopen(Transition row) {
        return add(row.asReopen());
    }

    /** Declares {@code event} in {@code state} an idempotent no-op. */
    public LifecycleBuilder ignore(String state, String event) {
        ignores.add(new Ignore(state, event));
        return this;
    }

    /** Replaces the policies. */
    public LifecycleBuilder policies(Policies value) {
        policies = value;
        return this;
    }

    /** Changes the policies, e.g. {@code policies(p -> p.withAgentCapacity(3))}. */
    public LifecycleBuilder policies(UnaryOperator<Policies> change) {
        policies = change.apply(policies);
        return this;
    }

    /**
     * The definition.
     *
     * @throws InvalidLifecycleException listing every problem: no initial or no final state, unknown or duplicate
     *                                   states, bad names, a final state that holds an agent, a row out of a final
     *                                   state that is not a reopen, a reopen not out of a final state, a row into
     *                                   the initial state, a duplicate (state, event, guards), a no-op that shadows
     *                                   a row or repeats one, a permission for an unknown event
     */
    public Lifecycle build() {
        return new Lifecycle(name, initial, states, finals, agentStates, transitions, ignores, policies);
    }
}
