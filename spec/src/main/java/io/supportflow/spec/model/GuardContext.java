package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.time.Instant;

/**
 * Everything a guard may read for one command, fixed before any transition is chosen.
 *
 * @param session the current session; null when the order has none (state is then the initial pseudo-state)
 * @param agent   the agent the command carries after resolution (assignNext's pick, auto-assign's pick); may be null
 */
public record GuardContext(Lifecycle definition, Session session, Command command, Agent agent, World world,
                           Instant now) {

    /** The state the command starts from. */
    public String state() {
        return session == null ? definition.initialState() : session.state();
    }

    public String event() {
        return command.event();
    }
}
