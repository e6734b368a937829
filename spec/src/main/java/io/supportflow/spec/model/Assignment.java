package io.supportflow.spec.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent's assignment to one order, identified by ({@code orderId}, {@code startVersion}).
 *
 * @param endReason null while ACTIVE
 * @param endedAt   null while ACTIVE
 */
public record Assignment(String orderId, String agentId, long startVersion, Status status, EndReason endReason,
                         Instant startedAt, Instant endedAt) {

    public enum Status { ACTIVE, ENDED }

    public enum EndReason { REMOVED, REASSIGNED, SESSION_CLOSED, EXPIRED }

    public Assignment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        if ((status == Status.ACTIVE) != (endReason == null && endedAt == null)) {
            throw new IllegalArgumentException("an ACTIVE assignment has no end; an ENDED one has reason and time");
        }
    }

    public static Assignment started(String orderId, String agentId, long version, Instant at) {
        return new Assignment(orderId, agentId, version, Status.ACTIVE, null, at, null);
    }

    public Assignment ended(EndReason reason, Instant at) {
        return new Assignment(orderId, agentId, startVersion, Status.ENDED, reason, startedAt, at);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
