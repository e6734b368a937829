package io.supportflow.spec.check;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one lifecycle definition within {@link Bounds}.
 *
 * @param definition        the lifecycle's name
 * @param bounds            rendered bounds, e.g. {@code 2 orders; agents: a1 (capacity 1), a2 (capacity 1)}
 * @param violations        every breach of P1, P2, P3, P7 found, one per distinct problem, sorted by property then
 *                          description; each with a shortest trace
 * @param unreachableStates states no explored trace reaches, in declaration order (each is also a P7 violation)
 * @param dormantRows       labels of rows that never fire in any explored configuration, in table order (e.g. the
 *                          idle-timeout rows when the idle policy is off); informational, not violations
 * @param orderConfigurations reachable configurations of a single order (used for traps)
 * @param configurations    reachable configurations of all bounded orders, up to renaming the orders
 * @param orderedConfigurations the same with the orders told apart (each configuration counted once per distinct
 *                          assignment of its order configurations to the order positions): what a checker without
 *                          symmetry reduction, such as SPIN on {@link Promela#export}, counts
 */
public record CheckReport(String definition, String bounds, List<Violation> violations, List<String> unreachableStates,
                          List<String> dormantRows, int orderConfigurations, int configurations,
                          long orderedConfigurations) {

    public CheckReport {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(bounds, "bounds");
        violations = List.copyOf(violations);
        unreachableStates = List.copyOf(unreachableStates);
        dormantRows = List.copyOf(dormantRows);
    }

    /** Whether no violation was found. */
    public boolean ok() {
        return violations.isEmpty();
    }

    /** A deterministic, human-readable report: summary line, violations with traces, unreachable states, dormant rows. */
    public String render() {
        StringBuilder s = new StringBuilder("Model check of lifecycle '").append(definition).append("' with ")
                .append(bounds).append('\n')
                .append("Explored ").append(orderConfigurations).append(" configurations of one order and ")
                .append(configurations).append(" configurations of all orders.\n");
        if (ok()) {
            s.append("OK: P1, P2, P3 and P7 hold.\n");
        } else {
            s.append(violations.size()).append(violations.size() == 1 ? " violation:\n" : " violations:\n");
            violations.forEach(v -> s.append(v.render()));
        }
        s.append("Unreachable states: ").append(listed(unreachableStates)).append('\n');
        s.append("Dormant rows:").append(dormantRows.isEmpty() ? " none" : "").append('\n');
        dormantRows.forEach(r -> s.append("  ").append(r).append('\n'));
        return s.toString();
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
