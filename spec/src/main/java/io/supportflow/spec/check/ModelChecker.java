package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.Objects;

/**
 * Checks a lifecycle definition against P1, P2, P3 and P7 (DESIGN §3) by exploring every reachable abstract
 * configuration within {@link Bounds}, each step computed by the real semantics
 * ({@link io.supportflow.spec.model.Semantics#step}).
 *
 * <p>An order's abstract configuration is its state, its agent, the agents of its ACTIVE assignments and, under a
 * reopen window, whether the window is still open; details, versions and timestamps are abstracted away. Time is
 * abstracted too: the idle timer may fire (when the idle policy is on) and the reopen window may pass at any point
 * between commands. A configuration of all orders adds the round-robin cursor (under that strategy only) and is
 * taken up to renaming the orders. Violations carry a shortest trace (breadth-first search, fixed command order);
 * traps are searched on one order alone, every other property on all bounded orders.
 *
 * <p>Stateless and thread-safe; each call explores afresh. The work grows with the power {@code bounds.orders()}
 * of one order's configurations.
 */
public final class ModelChecker {

    private ModelChecker() {
    }

    /** Checks {@code definition} within {@link Bounds#defaults(Lifecycle)}. */
    public static CheckReport check(Lifecycle definition) {
        return check(definition, Bounds.defaults(Objects.requireNonNull(definition, "definition")));
    }

    /**
     * Checks {@code definition} within {@code bounds}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static CheckReport check(Lifecycle definition, Bounds bounds) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(bounds, "bounds");
        return new Exploration(definition, bounds).report();
    }
}
