package io.supportflow.spec.lifecycle;

/** How {@code assignNext} (and auto-assign on open) picks an agent among the available, eligible ones. */
public enum AssignmentStrategy {
    /** Only explicit assignment: {@code assignNext} is refused. */
    EXPLICIT,
    /** The next eligible agent after the last one picked, in agent-id order. */
    ROUND_ROBIN,
    /** The eligible agent with the fewest ACTIVE assignments; ties go to the smallest agent id. */
    LEAST_LOADED
}
