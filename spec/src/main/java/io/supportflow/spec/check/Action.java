package io.supportflow.spec.check;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.Command;

/**
 * A command the checker tries on every order, fixed but for the order id.
 *
 * @param event the lifecycle event it fires
 * @param agent the agent id it carries, or null
 * @param actor the first actor permitted to fire the event
 */
record Action(Kind kind, String event, String agent, Actor actor) {

    enum Kind { OPEN, UPDATE, CLOSE, ASSIGN, UNASSIGN, ASSIGN_NEXT, IDLE_TIMEOUT, FIRE }

    Command command(String orderId) {
        Agent carried = agent == null ? null : Agent.withId(agent);
        return switch (kind) {
            case OPEN -> new Command.Open(orderId, Support.forOrder(orderId).withAgent(carried), actor);
            case UPDATE -> new Command.Update(orderId, Support.forOrder(orderId).withAgent(carried), actor);
            case CLOSE -> new Command.Close(orderId, actor);
            case ASSIGN -> new Command.Assign(orderId, carried, actor);
            case UNASSIGN -> new Command.Unassign(orderId, actor);
            case ASSIGN_NEXT -> new Command.AssignNext(orderId, actor);
            case IDLE_TIMEOUT -> new Command.IdleTimeout(orderId);
            case FIRE -> new Command.Fire(orderId, event, carried, actor);
        };
    }
}
