package io.supportflow.spec.lifecycle;

import java.time.Duration;
import java.util.Objects;

/** Whether {@code open} on a closed session may reopen it ({@link Guard#REOPEN_ALLOWED}). */
public sealed interface ReopenPolicy {

    /** Reopening is never allowed. */
    record Never() implements ReopenPolicy {
    }

    /** Reopening is always allowed (the standard policy). */
    record Always() implements ReopenPolicy {
    }

    /** Reopening is allowed while no more than {@code window} has passed since the session closed. */
    record Within(Duration window) implements ReopenPolicy {
        public Within {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("reopen window must be positive: " + window);
            }
        }
    }

    static ReopenPolicy never() {
        return new Never();
    }

    static ReopenPolicy always() {
        return new Always();
    }

    static ReopenPolicy within(Duration window) {
        return new Within(window);
    }
}
