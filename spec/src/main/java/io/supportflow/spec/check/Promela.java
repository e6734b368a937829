package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.Objects;

/**
 * Writes a lifecycle definition as a Promela model for the SPIN model checker, in the abstraction of
 * {@link ModelChecker}: {@code bounds.orders()} orders sharing the bounded agents (their capacities, availability
 * and whether their rating meets the minimum-rating policy), the commands the checker tries, time abstracted as in
 * the checker (the idle timer may fire between any two commands; every open reopen window may pass).
 *
 * <p>Every row of the table, with its guards and effects, is data of the model (loaded by its first step), read by
 * one Promela interpreter of guards, effects, the checks made before a row is chosen (an update may not change the
 * agent; {@code assignNext} and auto-assign pick by the strategy among the eligible agents) and the properties: the
 * model is generated from the definition, never written by hand, and shares no code with the checker's step. P1,
 * P2, P3, "at most one row enabled per command" (P7) and traps (P7: an order alone, not final, that no command and
 * no passing of time changes) are assertions; each distinct breach prints {@code breach K}
 * (the keys are explained in the model's header) and fails its assertion once, so {@code pan -c0 -e} writes one
 * trail per breach. Every state the search enters prints {@code reached S} once; replaying a trail
 * ({@code pan -r}) prints each command run.
 *
 * <p>A configuration is stored as the orders' states, agents, ACTIVE assignments per agent, reopen-window flags
 * (under a window only) and the round-robin cursor (under that strategy only); orders are told apart, so SPIN's
 * "states, stored" is {@link CheckReport#orderedConfigurations()} (and the model's start, before the table is
 * loaded), not the checker's count up to renaming.
 *
 * <p>Stateless and thread-safe.
 */
public final class Promela {

    private Promela() {
    }

    /** The model of {@code definition} within {@link Bounds#defaults(Lifecycle)}. */
    public static String export(Lifecycle definition) {
        return export(definition, Bounds.defaults(Objects.requireNonNull(definition, "definition")));
    }

    /**
     * The model of {@code definition} within {@code bounds}. A trap an order can still move around in, without ever
     * reaching a final state, is not one the model finds: that needs "a final state stays reachable", a
     * branching-time property SPIN's assertions and LTL cannot state; {@link ModelChecker} finds those too.
     *
     * @throws NullPointerException if an argument is null
     */
    public static String export(Lifecycle definition, Bounds bounds) {
        return model(definition, bounds).text();
    }

    static PromelaModel model(Lifecycle definition, Bounds bounds) {
        return new PromelaWriter(Objects.requireNonNull(definition, "definition"),
                Objects.requireNonNull(bounds, "bounds")).write();
    }
}
