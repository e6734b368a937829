package io.supportflow.persistence;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.World;

import java.util.List;
import java.util.Optional;

/** The world guards and assignment strategies read, over the store's committed data. */
final class StoreWorld implements World {
    private final SupportStore store;

    StoreWorld(SupportStore store) {
        this.store = store;
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return store.agent(agentId);
    }

    @Override
    public List<AgentProfile> agents() {
        return store.agents();
    }

    @Override
    public int activeAssignments(String agentId, String exceptOrderId) {
        int onExcepted = exceptOrderId == null ? 0 : (int) activeAssignmentsOf(exceptOrderId).stream()
                .filter(a -> a.agentId().equals(agentId))
                .count();
        return store.agentLoad(agentId) - onExcepted;
    }

    @Override
    public List<Assignment> activeAssignmentsOf(String orderId) {
        return store.assignments(orderId).stream().filter(Assignment::active).toList();
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return store.lastAssignedAgent();
    }
}
