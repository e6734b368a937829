package io.supportflow.spec.check;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One order's abstract configuration: what the properties and the guards can tell apart. Details, versions and
 * timestamps are abstracted away.
 *
 * @param state      the lifecycle state (the initial pseudo-state while the order has no session)
 * @param agent      the session's agent id, or null
 * @param active     agent ids of the order's ACTIVE assignments, sorted (a multiset)
 * @param windowOpen in a final state under a reopen-within-window policy: the window has not passed yet;
 *                   always false otherwise
 */
record Local(String state, String agent, List<String> active, boolean windowOpen) {

    Local {
        Objects.requireNonNull(state, "state");
        String[] sorted = active.toArray(new String[0]);
        Arrays.sort(sorted);
        active = List.of(sorted);
    }

    /** ACTIVE assignments of the agent with {@code agentId} on this order. */
    int load(String agentId) {
        int load = 0;
        for (String a : active) {
            load += a.equals(agentId) ? 1 : 0;
        }
        return load;
    }

    /**
     * Component-wise, as a record's would be, but written out: configurations are interned in hash maps on every
     * step, and the generated version costs the checker's first call in a JVM its record bootstrap.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Local l && windowOpen == l.windowOpen && state.equals(l.state)
                && Objects.equals(agent, l.agent) && active.equals(l.active);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, agent, active, windowOpen);
    }

    Local windowPassed() {
        return new Local(state, agent, active, false);
    }
}
