package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One accepted command: enough to replay it without the lifecycle table's guards (P5).
 *
 * @param version the session version this command produced (the first is 1)
 * @param from    the state before (the initial pseudo-state for the first open)
 * @param effects the effects applied, in order
 * @param body    the command's Support body (open, update); null otherwise
 * @param agent   the command's agent (assign, open with agent, assignNext's pick); null otherwise
 */
public record JournalEntry(String orderId, long version, String event, String from, String to, List<Effect> effects,
                           Actor actor, Instant at, Support body, Agent agent) {

    public JournalEntry {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        effects = List.copyOf(effects);
    }
}
