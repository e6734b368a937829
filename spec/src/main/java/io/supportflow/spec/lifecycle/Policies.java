package io.supportflow.spec.lifecycle;

import io.supportflow.spec.rating.RatingExpression;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that parameterise a lifecycle table.
 *
 * @param reopen           whether a closed session may be reopened; never null
 * @param idleTimeout      auto-close after this long without an accepted command; {@code null} means off
 * @param agentCapacity    default maximum ACTIVE assignments per agent; {@code null} means unlimited
 * @param assignment       how {@code assignNext} picks an agent; never null
 * @param autoAssignOnOpen whether {@code open} without an agent assigns one by {@code assignment}
 * @param minimumRating    rating an agent must satisfy to be assigned; {@code null} means none
 * @param permissions      event → actors allowed to fire it; an event not listed may be fired by every actor.
 *                         Unmodifiable, never null, iteration in insertion order.
 */
public record Policies(ReopenPolicy reopen, Duration idleTimeout, Integer agentCapacity, AssignmentStrategy assignment,
                       boolean autoAssignOnOpen, RatingExpression minimumRating, Map<String, Set<Actor>> permissions) {

    public Policies {
        Objects.requireNonNull(reopen, "reopen");
        Objects.requireNonNull(assignment, "assignment");
        if (idleTimeout != null && (idleTimeout.isNegative() || idleTimeout.isZero())) {
            throw new IllegalArgumentException("idle timeout must be positive: " + idleTimeout);
        }
        if (agentCapacity != null && agentCapacity < 1) {
            throw new IllegalArgumentException("agent capacity must be at least 1: " + agentCapacity);
        }
        Map<String, Set<Actor>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Actor>> e : permissions.entrySet()) {
            copy.put(e.getKey(), Set.copyOf(e.getValue()));
        }
        permissions = java.util.Collections.unmodifiableMap(copy);
    }

    /** Reopen always, idle timeout off, no capacity limit, explicit assignment, any actor may fire any event. */
    public static Policies standard() {
        return new Policies(ReopenPolicy.always(), null, null, AssignmentStrategy.EXPLICIT, false, null, Map.of());
    }

    /** Whether {@code actor} may fire {@code event}. */
    public boolean permits(Actor actor, String event) {
        Set<Actor> allowed = permissions.get(event);
        return allowed == null || allowed.contains(actor);
    }

    public Policies withReopen(ReopenPolicy value) {
        return new Policies(value, idleTimeout, agentCapacity, assignment, autoAssignOnOpen, minimumRating, permissions);
    }

    public Policies withIdleTimeout(Duration value) {
        return new Policies(reopen, value, agentCapacity, assignment, autoAssignOnOpen, minimumRating, permissions);
    }

    public Policies withAgentCapacity(Integer value) {
        return new Policies(reopen, idleTimeout, value, assignment, autoAssignOnOpen, minimumRating, permissions);
    }

    public Policies withAssignment(AssignmentStrategy value) {
        return new Policies(reopen, idleTimeout, agentCapacity, value, autoAssignOnOpen, minimumRating, permissions);
    }

    public Policies withAutoAssignOnOpen(boolean value) {
        return new Policies(reopen, idleTimeout, agentCapacity, assignment, value, minimumRating, permissions);
    }

    public Policies withMinimumRating(RatingExpression value) {
        return new Policies(reopen, idleTimeout, agentCapacity, assignment, autoAssignOnOpen, value, permissions);
    }

    /** These policies with {@code event} restricted to {@code actors} (replacing an earlier restriction). */
    public Policies permitting(String event, Actor first, Actor... more) {
        Map<String, Set<Actor>> next = new LinkedHashMap<>(permissions);
        next.put(event, EnumSet.of(first, more));
        return new Policies(reopen, idleTimeout, agentCapacity, assignment, autoAssignOnOpen, minimumRating, next);
    }
}
