package io.supportflow.spec.lifecycle;

/** State names of the standard lifecycle. State names match {@code [A-Z][A-Z0-9_]*}. */
public final class States {
    /** The initial pseudo-state: no session exists for the order yet. */
    public static final String NONE = "NONE";
    /** A session without an agent. */
    public static final String OPEN = "OPEN";
    /** A session with exactly one agent. */
    public static final String ASSIGNED = "ASSIGNED";
    /** Final; reopenable by policy. */
    public static final String CLOSED = "CLOSED";

    private States() {
    }
}
