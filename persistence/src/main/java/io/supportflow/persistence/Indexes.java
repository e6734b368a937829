package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Session;

/** The keys each record contributes to the derived tables: written by every commit and checked on open. */
final class Indexes {

    /** Receives one derived key. */
    interface Sink {
        void key(Table table, String key);
    }

    private Indexes() {
    }

    /** The {@link Table#BY_STATE}, {@link Table#BY_AGENT} and {@link Table#TIMER} keys of {@code session}. */
    static void of(Session session, Sink sink) {
        String orderId = session.orderId();
        sink.key(Table.BY_STATE, Keys.byState(session.state(), orderId));
        if (session.agent() != null) {
            if (session.agent().id() == null) {
                throw new IllegalArgumentException("session " + orderId + " has an agent without an id");
            }
            sink.key(Table.BY_AGENT, Keys.byAgent(session.agent().id(), orderId));
        }
        if (session.idleDeadline() != null) {
            sink.key(Table.TIMER, Keys.timer(session.idleDeadline(), orderId));
        }
    }

    /** The {@link Table#ACTIVE} key of {@code assignment}, if it is active. */
    static void of(Assignment assignment, Sink sink) {
        if (assignment.active()) {
            sink.key(Table.ACTIVE, Keys.active(assignment.agentId(), assignment.orderId(), assignment.startVersion()));
        }
    }
}
