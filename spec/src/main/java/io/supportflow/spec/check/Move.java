package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Transition;

import java.util.List;

/**
 * What one command did to one order's abstract configuration.
 *
 * @param next    the configuration afterwards; null when the command changed nothing (refused or a no-op)
 * @param cursor  the round-robin cursor afterwards (meaningful when {@code next} is not null)
 * @param fired   the row that fired; null when none did
 * @param enabled every row enabled for the command, in table order (P7 wants at most one)
 */
record Move(Local next, String cursor, Transition fired, List<Transition> enabled) {

    static final Move NOTHING = new Move(null, null, null, List.of());

    Move {
        enabled = List.copyOf(enabled);
    }
}
