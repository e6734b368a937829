package io.supportflow.engine;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.World;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store's world as one decision reads it: each question is asked of the store once and its answer kept, so the
 * Spring machine's guards and the explanation of a refusal read the same loads and agents even while other commands
 * (of this process or another on the same store) commit. Without it a release committed between the two reads made
 * the explanation find every guard passing and answer AGENT_REQUIRED for a command that carried an agent. A commit
 * built on an answer that has since changed is still refused by the store's version and capacity checks. One
 * decision, one thread: not thread-safe.
 */
final class DecisionWorld implements World {
    private final World store;
    private final Map<String, Optional<AgentProfile>> agents = new HashMap<>();
    private final Map<List<String>, Integer> loads = new HashMap<>();
    private final Map<String, List<Assignment>> active = new HashMap<>();
    private List<AgentProfile> registered;
    private Optional<String> lastAssigned;

    DecisionWorld(World store) {
        this.store = store;
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return agents.computeIfAbsent(agentId, store::agent);
    }

    @Override
    public List<AgentProfile> agents() {
        if (registered == null) {
            registered = store.agents();
        }
        return registered;
    }

    @Override
    public int activeAssignments(String agentId, String exceptOrderId) {
        return loads.computeIfAbsent(Arrays.asList(agentId, exceptOrderId),
                k -> store.activeAssignments(agentId, exceptOrderId));
    }

    @Override
    public List<Assignment> activeAssignmentsOf(String orderId) {
        return active.computeIfAbsent(orderId, store::activeAssignmentsOf);
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        if (lastAssigned == null) {
            lastAssigned = store.lastAssignedAgent();
        }
        return lastAssigned;
    }
}
