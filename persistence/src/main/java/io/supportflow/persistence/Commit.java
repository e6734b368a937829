package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Session;

import java.util.List;
import java.util.Objects;

/**
 * One accepted command to store: {@code session.version() == expectedVersion + 1},
 * {@code entry.version() == session.version()}, and the entry and every assignment belong to the session's order;
 * {@code expectedVersion} is 0 for an order without a session. The constructor throws
 * {@link IllegalArgumentException} otherwise.
 */
public record Commit(long expectedVersion, Session session, JournalEntry entry, List<Assignment> assignments) {

    public Commit {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(entry, "entry");
        assignments = List.copyOf(assignments);
        if (expectedVersion < 0 || session.version() != expectedVersion + 1 || entry.version() != session.version()) {
            throw new IllegalArgumentException("versions must advance by one: expected " + expectedVersion
                    + ", session " + session.version() + ", entry " + entry.version());
        }
        if (!entry.orderId().equals(session.orderId())) {
            throw new IllegalArgumentException("entry is for " + entry.orderId() + ", session for " + session.orderId());
        }
        for (Assignment a : assignments) {
            if (!a.orderId().equals(session.orderId())) {
                throw new IllegalArgumentException("assignment is for " + a.orderId() + ", session for "
                        + session.orderId());
            }
        }
    }

    /** The commit of an accepted outcome on top of {@code expectedVersion}. */
    public static Commit of(Outcome.Accepted accepted) {
        return new Commit(accepted.session().version() - 1, accepted.session(), accepted.entry(), accepted.assignments());
    }
}
