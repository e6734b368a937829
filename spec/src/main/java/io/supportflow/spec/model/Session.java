package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored state of one order's support session.
 *
 * @param orderId      never null
 * @param state        the lifecycle state; never the initial pseudo-state
 * @param version      count of accepted commands, 1 after the first
 * @param details      the GovStack Support body as last opened/updated, without its agent; never null
 * @param agent        the current agent; non-null exactly in agent states (P1)
 * @param openedAt     when the session was last opened (or reopened)
 * @param updatedAt    when the last accepted command was applied
 * @param closedAt     when the session last entered a final state; null while not final
 * @param idleDeadline when the idle timer fires; null when no idle timer is armed
 */
public record Session(String orderId, String state, long version, Support details, Agent agent, Instant openedAt,
                      Instant updatedAt, Instant closedAt, Instant idleDeadline) {

    public Session {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The GovStack view: details with the current agent. */
    public Support toSupport() {
        return details.withAgent(agent);
    }
}
