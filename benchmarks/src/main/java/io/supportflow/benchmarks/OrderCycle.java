package io.supportflow.benchmarks;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.model.Command;

import java.util.List;

/**
 * The full lifecycle every benchmark client drives through each of its orders, one command per benchmark
 * operation: open → update → assign → close. The same four steps for the engine (as commands) and for the Spring
 * baselines (as events).
 */
final class OrderCycle {
    static final int LENGTH = 4;
    private static final List<String> EVENTS = List.of(Events.OPEN, Events.UPDATE, Events.ASSIGN, Events.CLOSE);
    private static final int AGENTS = 64;

    private OrderCycle() {
    }

    /** The event of step {@code step} (0 to {@link #LENGTH} - 1). */
    static String event(int step) {
        return EVENTS.get(step);
    }

    /** The command of step {@code step} on {@code orderId}, as a customer or an agent would send it. */
    static Command command(String orderId, int step) {
        return switch (step) {
            case 0 -> new Command.Open(orderId, body(orderId, "Parcel arrived damaged"), Actor.CUSTOMER);
            case 1 -> new Command.Update(orderId, body(orderId, "Parcel arrived damaged, photo attached"),
                    Actor.CUSTOMER);
            case 2 -> new Command.Assign(orderId, Agent.withId("agent-" + Math.floorMod(orderId.hashCode(), AGENTS)),
                    Actor.SUPERVISOR);
            case 3 -> new Command.Close(orderId, Actor.AGENT);
            default -> throw new IllegalArgumentException("no step " + step + " in a cycle of " + LENGTH);
        };
    }

    private static Support body(String orderId, String summary) {
        return new Support(Descriptor.named(summary), orderId, "+254700123456", null, null, null);
    }
}
