package io.supportflow.spec.check;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The world one order's step sees: the bounded agents, the order's own ACTIVE assignments and, for the other
 * orders, only their loads ({@link Env}). Asking about another order by id is not supported (Semantics never does).
 */
final class CheckerWorld implements World {
    private final Bounds bounds;
    private final String orderId;
    private final Local own;
    private final Env env;
    private final Instant now;

    CheckerWorld(Bounds bounds, String orderId, Local own, Env env, Instant now) {
        this.bounds = bounds;
        this.orderId = orderId;
        this.own = own;
        this.env = env;
        this.now = now;
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        int i = bounds.indexOf(agentId);
        return i < 0 ? Optional.empty() : Optional.of(bounds.agents().get(i));
    }

    @Override
    public List<AgentProfile> agents() {
        return bounds.agents();
    }

    @Override
    public int activeAssignments(String agentId, String exceptOrderId) {
        int i = bounds.indexOf(agentId);
        int others = i < 0 ? 0 : env.othersLoad().get(i);
        if (exceptOrderId == null) {
            return others + own.load(agentId);
        }
        requireOwn(exceptOrderId);
        return others;
    }

    @Override
    public List<Assignment> activeAssignmentsOf(String order) {
        requireOwn(order);
        List<Assignment> active = new ArrayList<>();
        for (int i = 0; i < own.active().size(); i++) {
            active.add(Assignment.started(orderId, own.active().get(i), i + 1, now));
        }
        return List.copyOf(active);
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return Optional.ofNullable(env.cursor());
    }

    private void requireOwn(String order) {
        if (!orderId.equals(order)) {
            throw new IllegalArgumentException("the checker's world knows order " + orderId + " only, not " + order);
        }
    }
}
