package io.supportflow.engine;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.JournalEntry;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted transition, as delivered to {@link TransitionListener}s: at least once, and per order in version order.
 * {@code (orderId, version)} identifies it, so a listener can drop the duplicates a redelivery may bring.
 *
 * @param from the state before (the initial pseudo-state for an order's first open)
 * @param at   when the command was applied, by the engine's clock
 */
public record TransitionEvent(String orderId, String event, String from, String to, long version, Instant at,
                              Actor actor) {
    public TransitionEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }

    static TransitionEvent of(JournalEntry entry) {
        return new TransitionEvent(entry.orderId(), entry.event(), entry.from(), entry.to(), entry.version(),
                entry.at(), entry.actor());
    }
}
