package io.supportflow.spec.check;

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
        active = active.stream().sorted().toList();
    }

    /** ACTIVE assignments of the agent with {@code agentId} on this order. */
    int load(String agentId) {
        return (int) active.stream().filter(agentId::equals).count();
    }

    Local windowPassed() {
        return new Local(state, agent, active, false);
    }
}
