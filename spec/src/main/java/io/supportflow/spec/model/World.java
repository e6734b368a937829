package io.supportflow.spec.model;

import java.util.List;
import java.util.Optional;

/**
 * What guards and assignment strategies read beyond one session: the agent registry and agent loads.
 * The reference model implements it over its maps; the engine over its store.
 */
public interface World {

    /** The registered agent, if any. */
    Optional<AgentProfile> agent(String agentId);

    /** Every registered agent, in agent-id order. */
    List<AgentProfile> agents();

    /** ACTIVE assignments of {@code agentId} on orders other than {@code exceptOrderId} (null: on every order). */
    int activeAssignments(String agentId, String exceptOrderId);

    /** The ACTIVE assignments of {@code orderId} (one in agent states, none elsewhere, if P1 holds). */
    List<Assignment> activeAssignmentsOf(String orderId);

    /** The agent of the most recently started assignment on any order (round-robin cursor), if any. */
    Optional<String> lastAssignedAgent();
}
