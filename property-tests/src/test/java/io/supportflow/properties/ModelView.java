package io.supportflow.properties;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.model.World;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference model's configuration as guards see it, built from the model's public reads, the agents registered
 * with it and the accepted outcomes it was told about ({@link #track}); lets a test ask "what would the model do now"
 * with {@code Semantics} without stepping the model. Not thread-safe.
 */
final class ModelView implements World {
    private final ReferenceModel model;
    private final Map<String, AgentProfile> registered;
    private String lastAssigned;

    /** A view of {@code model}; {@code registered} is read live, so later registrations show. */
    ModelView(ReferenceModel model, Map<String, AgentProfile> registered) {
        this.model = model;
        this.registered = registered;
    }

    /** Follows the round-robin cursor: call with every outcome the model accepted. */
    void track(Outcome.Accepted accepted) {
        accepted.assignments().stream().filter(Assignment::active).forEach(a -> lastAssigned = a.agentId());
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return Optional.ofNullable(registered.get(agentId));
    }

    @Override
    public List<AgentProfile> agents() {
        return registered.values().stream().sorted(Comparator.comparing(AgentProfile::agentId)).toList();
    }

    @Override
    public int activeAssignments(String agentId, String exceptOrderId) {
        return (int) model.sessions().stream().map(Session::orderId)
                .filter(o -> !o.equals(exceptOrderId))
                .flatMap(o -> model.assignments(o).stream())
                .filter(a -> a.active() && a.agentId().equals(agentId))
                .count();
    }

    @Override
    public List<Assignment> activeAssignmentsOf(String orderId) {
        return model.assignments(orderId).stream().filter(Assignment::active).toList();
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return Optional.ofNullable(lastAssigned);
    }
}
