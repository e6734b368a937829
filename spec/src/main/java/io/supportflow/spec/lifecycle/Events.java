package io.supportflow.spec.lifecycle;

/**
 * Event names of the standard lifecycle, one per state-changing 8.12 command, plus the idle timer's.
 * Event names match {@code [a-z][A-Za-z0-9]*}; custom lifecycles may add their own.
 */
public final class Events {
    /** POST /support/{orderId}. */
    public static final String OPEN = "open";
    /** PUT /support/{orderId}. */
    public static final String UPDATE = "update";
    /** PUT /support/{orderId}/agent (and {@code assignNext}). */
    public static final String ASSIGN = "assign";
    /** DELETE /support/{orderId}/agent. */
    public static final String UNASSIGN = "unassign";
    /** DELETE /support/{orderId}. */
    public static final String CLOSE = "close";
    /** Fired by the system when the idle timeout passes without an accepted command. */
    public static final String IDLE_TIMEOUT = "idleTimeout";

    private Events() {
    }
}
