package io.supportflow.spec.check;

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
    private final Map<String, Violation> byKey = new HashMap<>();

    void offer(Problem problem, Supplier<List<TraceStep>> trace) {
        byKey.computeIfAbsent(problem.key(), k -> new Violation(problem.property(), problem.description(), trace.get()));
    }

    /** By property, then description. */
    List<Violation> sorted() {
        return byKey.values().stream()
                .sorted(Comparator.comparing(Violation::property).thenComparing(Violation::description))
                .toList();
    }
}
