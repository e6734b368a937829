package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Events;

import java.util.Objects;

/** A state-changing 8.12 command on one order (reads are not commands). */
public sealed interface Command {

    String orderId();

    Actor actor();

    /** The lifecycle event this command fires. */
    String event();

    /** The agent the command carries, or null. */
    Agent agent();

    /** POST /support/{orderId}: open, or reopen; with {@code body.agent} it also assigns. */
    record Open(String orderId, Support body, Actor actor) implements Command {
        public Open {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(actor, "actor");
        }

        public String event() {
            return Events.OPEN;
        }

        public Agent agent() {
            return body.agent();
        }
    }

    /** PUT /support/{orderId}: replace details. */
    record Update(String orderId, Support body, Actor actor) implements Command {
        public Update {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(actor, "actor");
        }

        public String event() {
            return Events.UPDATE;
        }

        public Agent agent() {
            return body.agent();
        }
    }

    /** DELETE /support/{orderId}. */
    record Close(String orderId, Actor actor) implements Command {
        public Close {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(actor, "actor");
        }

        public String event() {
            return Events.CLOSE;
        }

        public Agent agent() {
            return null;
        }
    }

    /** PUT /support/{orderId}/agent. */
    record Assign(String orderId, Agent agent, Actor actor) implements Command {
        public Assign {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(actor, "actor");
        }

        public String event() {
            return Events.ASSIGN;
        }
    }

    /** DELETE /support/{orderId}/agent. */
    record Unassign(String orderId, Actor actor) implements Command {
        public Unassign {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(actor, "actor");
        }

        public String event() {
            return Events.UNASSIGN;
        }

        public Agent agent() {
            return null;
        }
    }

    /** Assign the agent the assignment strategy picks (fires {@code assign}). */
    record AssignNext(String orderId, Actor actor) implements Command {
        public AssignNext {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(actor, "actor");
        }

        public String event() {
            return Events.ASSIGN;
        }

        public Agent agent() {
            return null;
        }
    }

    /** A custom lifecycle event (e.g. {@code escalate}), optionally carrying an agent. */
    record Fire(String orderId, String event, Agent agent, Actor actor) implements Command {
        public Fire {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The idle timer of {@code orderId} fired (actor SYSTEM). */
    record IdleTimeout(String orderId) implements Command {
        public IdleTimeout {
            Objects.requireNonNull(orderId, "orderId");
        }

        public Actor actor() {
            return Actor.SYSTEM;
        }

        public String event() {
            return Events.IDLE_TIMEOUT;
        }

        public Agent agent() {
            return null;
        }
    }
}
