package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;

import java.util.Objects;

/**
 * A registered agent, for automatic assignment and eligibility guards.
 *
 * @param capacity  maximum ACTIVE assignments; null means the lifecycle's default capacity policy
 * @param available whether the agent may receive new assignments
 * @param agent     the GovStack Agent given on assignment; {@code agent.id()} equals {@code agentId}
 */
public record AgentProfile(String agentId, Integer capacity, boolean available, Agent agent) {
    public AgentProfile {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agent, "agent");
        if (!agentId.equals(agent.id())) {
            throw new IllegalArgumentException("agent.id " + agent.id() + " differs from " + agentId);
        }
        if (capacity != null && capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
    }
}
