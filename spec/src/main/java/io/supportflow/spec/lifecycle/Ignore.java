package io.supportflow.spec.lifecycle;

import java.util.Objects;

/** A (state, event) pair accepted as an idempotent no-op: nothing changes and the session is returned as it is. */
public record Ignore(String state, String event) {
    public Ignore {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
    }

    /**
     * Component-wise, as a record's would be, but written out: the generated version costs a definition's first
     * validation in a JVM the record bootstrap (tens of milliseconds).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ignore i && state.equals(i.state) && event.equals(i.event);
    }

    @Override
    public int hashCode() {
        return 31 * state.hashCode() + event.hashCode();
    }
}
