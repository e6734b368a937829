package io.supportflow.spec.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The violations found, one per problem key: the first offer wins, so offering in breadth-first order keeps a
 * shortest trace. Not thread-safe.
 */
final class Findings {
    private static final Comparator<Violation> BY_PROPERTY_THEN_DESCRIPTION =
            Comparator.comparing(Violation::property).thenComparing(Violation::description);

    private final Map<String, Violation> byKey = new HashMap<>();

    void offer(Problem problem, Supplier<List<TraceStep>> trace) {
        byKey.computeIfAbsent(problem.key(), k -> new Violation(problem.property(), problem.description(), trace.get()));
    }

    /** By property, then description. */
    List<Violation> sorted() {
        List<Violation> sorted = new ArrayList<>(byKey.values());
        sorted.sort(BY_PROPERTY_THEN_DESCRIPTION);
        return sorted;
    }
}
