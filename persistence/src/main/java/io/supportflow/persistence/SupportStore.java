package io.supportflow.persistence;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable storage of support sessions, their journals, assignments, timers, outbox and agent registry.
 * Implementations are thread-safe. Every write is atomic. {@link #commit}, {@link #commitAll} and {@link #putAgent}
 * are, for durable stores, on disk when they return; {@link #acknowledge acknowledgements} reach the disk with the
 * next of those or at {@link #close()} (after a crash an acknowledged entry may be pending again: delivery is at
 * least once). Reads see only committed data: a write on its way to disk is seen once it is there.
 * Arguments must not be null. After {@link #close()} every method but {@code close} throws
 * {@link IllegalStateException}. A read of a damaged record throws {@link RecordFormatException}.
 */
public interface SupportStore extends AutoCloseable {

    /** Identifies one journal entry (and its outbox entry). */
    record EntryId(String orderId, long version) {
        public EntryId {
            Objects.requireNonNull(orderId, "orderId");
        }

        public static EntryId of(JournalEntry entry) {
            return new EntryId(entry.orderId(), entry.version());
        }
    }

    /** The session of {@code orderId}, if one was ever opened. */
    Optional<Session> load(String orderId);

    /**
     * Atomically stores one accepted command: the new session record, its journal entry, the assignments it
     * started or ended (each replaces the stored assignment with the same order and start version), the session's
     * idle timer (its {@code idleDeadline}, re-armed or disarmed) and an outbox entry for the journal entry.
     *
     * @throws StaleVersionException if the stored version (0 when there is no session) is not
     *                               {@code commit.expectedVersion()}; nothing is written
     */
    void commit(Commit commit);

    /**
     * Stores several commits as one durable write (group commit), applied in list order, so a later commit may build
     * on an earlier one of the same order. Each is checked against its expected version; the result lists, in order,
     * null for a commit that was stored or the exception that refused it. Refused commits write nothing; the others
     * are stored together, atomically.
     */
    List<StaleVersionException> commitAll(List<Commit> commits);

    /** The journal of one order in version order; empty when none. */
    List<JournalEntry> journal(String orderId);

    /** Every assignment of one order, by start version. */
    List<Assignment> assignments(String orderId);

    /** Order ids whose session is in {@code state}, sorted. */
    List<String> ordersInState(String state);

    /** Order ids whose session currently has agent {@code agentId}, sorted. */
    List<String> ordersWithAgent(String agentId);

    /** ACTIVE assignments of {@code agentId}. */
    int agentLoad(String agentId);

    /** The agent of the most recently started assignment, if any (round-robin cursor). */
    Optional<String> lastAssignedAgent();

    /** Order ids whose idle deadline is at or before {@code now}, by deadline then order id. */
    List<String> dueTimers(Instant now);

    /** The earliest armed idle deadline, if any. */
    Optional<Instant> nextDeadline();

    /** Up to {@code limit} journal entries not yet acknowledged, in commit order. */
    List<JournalEntry> pendingOutbox(int limit);

    /**
     * Marks the outbox entry of ({@code orderId}, {@code version}) delivered; unknown entries are ignored. Not forced
     * to disk on its own (see the class comment): it is gone from {@link #pendingOutbox} at once, and after a crash
     * before the next durable write it is pending again.
     */
    void acknowledge(String orderId, long version);

    /** {@link #acknowledge} for several entries in one atomic write. */
    void acknowledgeAll(List<EntryId> entries);

    /** Registers or replaces an agent; durable when it returns. */
    void putAgent(AgentProfile profile);

    Optional<AgentProfile> agent(String agentId);

    /** Every registered agent in agent-id order. */
    List<AgentProfile> agents();

    /** Number of sessions stored. */
    long sessionCount();

    /**
     * Rewrites a file store into a fresh, packed file, giving back the space that removed index and outbox keys
     * leave behind (a file store also does this on open when that space is estimated at half the file). Blocks
     * every other call while it runs; takes time in proportion to the size of the store; nothing to do in memory.
     */
    void compact();

    /** Releases files and locks; idempotent. */
    @Override
    void close();
}
