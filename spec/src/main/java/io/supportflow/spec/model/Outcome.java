package io.supportflow.spec.model;

import io.supportflow.spec.govstack.ErrorCode;

import java.util.List;
import java.util.Objects;

/** What a command did: accepted with its effects, an idempotent no-op, or refused with nothing changed. */
public sealed interface Outcome {

    /**
     * Accepted: the new session, its one journal entry, and the assignments this step started or ended
     * (each in its state after the step).
     */
    record Accepted(Session session, JournalEntry entry, List<Assignment> assignments) implements Outcome {
        public Accepted {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(entry, "entry");
            assignments = List.copyOf(assignments);
        }
    }

    /** An idempotent no-op: nothing changed; {@code session} is the current one. */
    record Unchanged(Session session) implements Outcome {
        public Unchanged {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Refused: nothing changed. {@code message} says what was wrong and what to do next. */
    record Refused(ErrorCode code, String message, String paths) implements Outcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
