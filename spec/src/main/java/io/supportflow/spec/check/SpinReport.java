package io.supportflow.spec.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What SPIN found in a lifecycle definition within {@link Bounds} (see {@link Spin}).
 *
 * @param definition        the lifecycle's name
 * @param bounds            rendered bounds, as in {@link CheckReport#bounds()}
 * @param violations        one per distinct breach, sorted by property then description; each with the trail SPIN
 *                          wrote, as commands (a trail is a path to the breach, not necessarily a shortest one)
 * @param breaches          the breaches' keys, sorted: {@code P1 STATE}, {@code P2 STATE}, {@code P3 AGENT},
 *                          {@code P7 rows STATE EVENT}, {@code P7 trap STATE}, {@code P7 unreachable STATE}
 * @param unreachableStates states the search never entered, in declaration order (each also a P7 violation)
 * @param statesStored      SPIN's "states, stored" for the main model: the reachable configurations of all orders,
 *                          orders told apart, and the model's start before its first step (compare
 *                          {@link CheckReport#orderedConfigurations()} + 1)
 * @param time              how long spin, gcc and pan took
 */
public record SpinReport(String definition, String bounds, List<Violation> violations, List<String> breaches,
                         List<String> unreachableStates, long statesStored, Duration time) {

    public SpinReport {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(bounds, "bounds");
        violations = List.copyOf(violations);
        breaches = List.copyOf(breaches);
        unreachableStates = List.copyOf(unreachableStates);
        Objects.requireNonNull(time, "time");
    }

    /** Whether SPIN found no breach. */
    public boolean ok() {
        return violations.isEmpty();
    }

    /** The summary line, then the verdict and each violation with its trail; no timings (deterministic). */
    public String render() {
        StringBuilder s = new StringBuilder("SPIN check of lifecycle '").append(definition).append("' with ")
                .append(bounds).append('\n')
                .append("SPIN stored ").append(statesStored).append(" states: the start and ").append(statesStored - 1)
                .append(" configurations, the orders told apart.\n");
        if (ok()) {
            s.append("OK: P1, P2, P3 and P7 hold.\n");
        } else {
            s.append(violations.size()).append(violations.size() == 1 ? " violation:\n" : " violations:\n");
            violations.forEach(v -> s.append(v.render()));
        }
        return s.toString();
    }
}
