package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a chosen row's effects: shared by {@link Semantics#apply} (live) and {@link Semantics#replay} (from the
 * journal), so a replay reproduces exactly what the live step stored.
 */
final class Effects {

    /** The input of one step: everything an accepted command contributes besides the current session. */
    record Step(String orderId, String event, String from, String to, List<Effect> effects, Actor actor, Instant at,
                Support body, Agent agent) {
    }

    private Effects() {
    }

    /**
     * Whether applying {@code effects} reads the ACTIVE assignments: only {@link Effect#ASSIGN} and
     * {@link Effect#RELEASE} end them; for any other step {@link #apply} ignores them.
     */
    static boolean endsAssignments(List<Effect> effects) {
        return effects.contains(Effect.ASSIGN) || effects.contains(Effect.RELEASE);
    }

    /**
     * The accepted outcome of {@code step} on {@code current} (null for a new session) with its ACTIVE assignments
     * ({@code active} may be empty when the step does not {@link #endsAssignments end assignments}).
     */
    static Outcome.Accepted apply(Lifecycle definition, Session current, List<Assignment> active, Step step) {
        long version = current == null ? 1 : current.version() + 1;
        Support details = current == null ? Support.forOrder(step.orderId()) : current.details();
        Agent agent = current == null ? null : current.agent();
        Instant openedAt = current == null ? step.at() : current.openedAt();
        List<Assignment> stillActive = new ArrayList<>(active);
        List<Assignment> changed = new ArrayList<>();
        for (Effect effect : step.effects()) {
            switch (effect) {
                case OPEN -> {
                    details = step.body() == null
                            ? Support.forOrder(step.orderId())
                            : normalise(step.body(), step.orderId());
                    agent = null;
                    openedAt = step.at();
                }
                case UPDATE -> details = step.body() == null ? details : normalise(step.body(), step.orderId());
                case ASSIGN -> {
                    endAll(stillActive, changed, Assignment.EndReason.REASSIGNED, step.at());
                    agent = step.agent();
                    Assignment started = Assignment.started(step.orderId(), agent.id(), version, step.at());
                    stillActive.add(started);
                    changed.add(started);
                }
                case UPDATE_AGENT -> agent = step.agent();
                case RELEASE -> {
                    endAll(stillActive, changed, releaseReason(step.event()), step.at());
                    agent = null;
                }
            }
        }
        Session next = new Session(step.orderId(), step.to(), version, details, agent, openedAt, step.at(),
                definition.isFinal(step.to()) ? step.at() : null, idleDeadline(definition, step.to(), step.at()));
        JournalEntry entry = new JournalEntry(step.orderId(), version, step.event(), step.from(), step.to(),
                step.effects(), step.actor(), step.at(), step.body(), step.agent());
        return new Outcome.Accepted(next, entry, changed);
    }

    private static Support normalise(Support body, String orderId) {
        return body.withOrderId(orderId).withAgent(null);
    }

    private static void endAll(List<Assignment> active, List<Assignment> changed, Assignment.EndReason reason,
                               Instant at) {
        for (Assignment a : active) {
            Assignment ended = a.ended(reason, at);
            changed.removeIf(c -> c.startVersion() == a.startVersion());
            changed.add(ended);
        }
        active.clear();
    }

    private static Assignment.EndReason releaseReason(String event) {
        return switch (event) {
            case Events.CLOSE -> Assignment.EndReason.SESSION_CLOSED;
            case Events.IDLE_TIMEOUT -> Assignment.EndReason.EXPIRED;
            default -> Assignment.EndReason.REMOVED;
        };
    }

    private static Instant idleDeadline(Lifecycle definition, String state, Instant at) {
        if (definition.policies().idleTimeout() == null
                || definition.transitionsFrom(state, Events.IDLE_TIMEOUT).isEmpty()) {
            return null;
        }
        return at.plus(definition.policies().idleTimeout());
    }
}
