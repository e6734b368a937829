package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.JournalEntry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rows the engine fired, over every property of this module run in this JVM. A row is identified by value
 * ({@link Transition#equals}), so a row fired under a lifecycle derived from the standard one (same row, other
 * policies) counts for the standard row.
 */
final class Coverage {
    private static final Set<Transition> FIRED = ConcurrentHashMap.newKeySet();

    private Coverage() {
    }

    static void fired(Transition row) {
        FIRED.add(row);
    }

    /** The rows of {@code definition} no property has seen the engine fire yet, in table order. */
    static List<Transition> unexercised(Lifecycle definition) {
        return definition.transitions().stream().filter(row -> !FIRED.contains(row)).toList();
    }

    /**
     * The row of {@code definition} that wrote {@code entry}, when its source, event, target and effects name exactly
     * one row (always so in the standard table); empty when they name none or several.
     */
    static Optional<Transition> rowOf(Lifecycle definition, JournalEntry entry) {
        List<Transition> candidates = definition.transitionsFrom(entry.from(), entry.event()).stream()
                .filter(row -> row.target().equals(entry.to()) && row.effects().equals(entry.effects()))
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
