package io.supportflow.engine;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.World;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The world of one decision: each fact is read from the store once, on first use, and the same answer is given for
 * the rest of the decision. So the precheck, the guards Spring evaluates, the effects and the explanation of a
 * refusal all see one agent load, one registry entry and one cursor, even while commands on other orders change
 * them (a refusal once named a guard that had failed, re-read after the agent was freed, as passing). Not
 * thread-safe: one decision, one thread.
 */
final class MemoizedWorld implements World {
    private final World store;
    private final Map<List<Object>, Object> facts = new HashMap<>();

    MemoizedWorld(World store) {
        this.store = store;
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return fact(List.of("agent", agentId), () -> store.agent(agentId));
    }

    @Override
    public List<AgentProfile> agents() {
        return fact(List.of("agents"), store::agents);
    }

    @Override
    public int activeAssignments(String agentId, String exceptOrderId) {
        return fact(List.of("load", agentId, Optional.ofNullable(exceptOrderId)),
                () -> store.activeAssignments(agentId, exceptOrderId));
    }

    @Override
    public List<Assignment> activeAssignmentsOf(String orderId) {
        return fact(List.of("assignments", orderId), () -> store.activeAssignmentsOf(orderId));
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return fact(List.of("last"), store::lastAssignedAgent);
    }

    @SuppressWarnings("unchecked")
    private <T> T fact(List<Object> key, Supplier<T> read) {
        Object known = facts.get(key);
        if (known == null) {
            known = read.get();
            facts.put(key, known);
        }
        return (T) known;
    }
}
