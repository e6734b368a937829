package io.supportflow.spec.check;

import java.util.List;
import java.util.Objects;

/**
 * A breach of a numbered property (DESIGN §3) found by the model checker.
 *
 * @param property    {@code P1}, {@code P2}, {@code P3} or {@code P7}
 * @param description one line saying what is wrong
 * @param trace       a shortest trace from no sessions at all to the breach; empty when the breach needs no step
 *                    (an unreachable state, a trap in the initial state). For a nondeterministic pair the last
 *                    step is the command for which several rows are enabled.
 */
public record Violation(String property, String description, List<TraceStep> trace) {

    public Violation {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(description, "description");
        trace = List.copyOf(trace);
    }

    /** The property and description, then the trace one numbered step a line. */
    public String render() {
        StringBuilder s = new StringBuilder(property).append(": ").append(description).append('\n');
        if (trace.isEmpty()) {
            s.append("  (no step needed)\n");
        }
        for (int i = 0; i < trace.size(); i++) {
            s.append("  ").append(i + 1).append(". ").append(trace.get(i).render()).append('\n');
        }
        return s.toString();
    }
}
