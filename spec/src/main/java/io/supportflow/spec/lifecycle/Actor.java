package io.supportflow.spec.lifecycle;

/** Who fires a command. Permissions ({@link Policies#permissions()}) say which actor may fire which event. */
public enum Actor {
    CUSTOMER, AGENT, SUPERVISOR, SYSTEM
}
