package io.supportflow.spec.lifecycle;

import java.util.Objects;

/** A (state, event) pair accepted as an idempotent no-op: nothing changes and the session is returned as it is. */
public record Ignore(String state, String event) {
    public Ignore {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
    }
}
