package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Session;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One accepted command to store: {@code session.version() == expectedVersion + 1},
 * {@code entry.version() == session.version()}, and the entry and every assignment belong to the session's order;
 * {@code expectedVersion} is 0 for an order without a session. The constructor throws
 * {@link IllegalArgumentException} otherwise.
 *
 * @param capacities agent id → the most ACTIVE assignments that agent may hold once this commit is stored: the
 *                   store refuses the commit, as {@link StaleVersionException}, when another writer's commits
 *                   would make it hold more (P3 across processes); empty for no such condition
 * @param commandId  the id of the command this commit stores, kept with its journal entry by a store that can
 *                   report an unknown outcome (see {@link SupportStore#committedVersion}); null for none
 */
public record Commit(long expectedVersion, Session session, JournalEntry entry, List<Assignment> assignments,
                     Map<String, Integer> capacities, String commandId) {

    public Commit {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(entry, "entry");
        assignments = List.copyOf(assignments);
        capacities = Map.copyOf(capacities);
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

    /** A commit with no capacity condition. */
    public Commit(long expectedVersion, Session session, JournalEntry entry, List<Assignment> assignments) {
        this(expectedVersion, session, entry, assignments, Map.of(), null);
    }

    /** This commit, refused unless each agent of {@code limits} holds at most that many ACTIVE assignments after it. */
    public Commit withCapacities(Map<String, Integer> limits) {
        return new Commit(expectedVersion, session, entry, assignments, limits, commandId);
    }

    /** This commit, stored with the id of its command. */
    public Commit withCommandId(String id) {
        return new Commit(expectedVersion, session, entry, assignments, capacities, id);
    }

    /** The commit of an accepted outcome on top of {@code expectedVersion}. */
    public static Commit of(Outcome.Accepted accepted) {
        return new Commit(accepted.session().version() - 1, accepted.session(), accepted.entry(), accepted.assignments());
    }
}
