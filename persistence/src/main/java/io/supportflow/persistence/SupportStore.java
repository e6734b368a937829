package io.supportflow.persistence;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.time.Duration;
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
 * {@link IllegalStateException}. A read of a damaged record throws {@link RecordFormatException}. A store on a
 * server may throw {@link StoreAccessException} from any method (a lost connection, a database error).
 *
 * <h2>Damaged data</h2>
 * A file store ({@link Stores#openMapDb}) checks every page of its data file when it opens (a page that fails its
 * checksum fails the open with {@link StoreOpenException}) and checks each page again whenever a read fetches it from
 * the file. A call that meets a page failing its check throws {@link StoreDamagedException}, naming the file, the
 * page and, for a call about one order ({@link #load}, {@link #journal}, {@link #assignments}, {@link #commit}), the
 * order. <b>From then on the whole store refuses writes</b>: every {@link #commit}, {@link #commitAll},
 * {@link #putAgent}, {@link #acknowledge}, {@link #acknowledgeAll} and {@link #compact} throws
 * {@link StoreDamagedException} and writes nothing, until the store is closed and the damage repaired (a damaged page
 * may hold B-tree nodes of many orders, so no order can be said to be unaffected); reads that do not meet the damage
 * still answer. The flag is per open store, in this process.
 *
 * <h2>One process or several</h2>
 * A store is either single-process ({@link Stores#openMapDb}, {@link Stores#inMemory()}: the MapDB directory lock
 * refuses a second process) or shared by several engine processes ({@link Stores#openPostgres}). What each side
 * guarantees, so that P1–P8 hold either way:
 * <ul>
 *   <li><b>Per-order serial order (P8).</b> The store guarantees only the version check of {@link #commit}: of two
 *       commits expecting one version, at most one is stored, whichever process sent it. The engine's per-order
 *       locks are in-process; across processes the engine must treat a {@link StaleVersionException} as a lost race
 *       and decide the command again on the reloaded session (bounded), never answer it as a conflict.</li>
 *   <li><b>Agent capacity (P3).</b> The engine's assignment gate is in-process. The store guarantees that a commit
 *       carrying {@link Commit#capacities()} is refused (as stale) when, counting every commit stored before it by
 *       any process, an agent would hold more ACTIVE assignments than its limit. The engine must attach the limit of
 *       every agent a commit starts an assignment for.</li>
 *   <li><b>Group commit.</b> {@link #commitAll} is atomic per call, within one process's batch; batches of
 *       different processes interleave at commit granularity only through the version check.</li>
 *   <li><b>Timers.</b> {@link #dueTimers} lists every due timer to every process. The engine must fire only what
 *       {@link #claimDueTimers} hands it, which a shared store claims per armed deadline for one process at a time
 *       (skipping timers another process is claiming at that moment), so that processes do not all attempt the same
 *       timeout, and a killed process's claims are taken over once their lease has run out. The claim spreads the
 *       work; that an armed deadline fires once follows from the version check: the engine re-reads the session
 *       under its order lock and fires only a deadline still armed and due, and the timeout is a commit on the
 *       session's version, so a second process firing the same deadline loses the race, reloads, and finds it no
 *       longer due (or re-armed). The single-process stores keep their timers in a timer wheel and, in memory, a lower
 *       bound of the armed deadlines from which a due scan walks the wheel (raised by scans, lowered by the commits
 *       of this process): correct only because no other process writes the store (the directory lock).</li>
 *   <li><b>Outbox.</b> {@link #pendingOutbox} lists every unacknowledged entry to every process. The engine must
 *       deliver what {@link #claimOutbox} hands it, which a shared store leases per order to one process at a time,
 *       so that each entry normally goes out once, per order in version order, and a killed process's entries are
 *       taken over once its lease has run out (then an entry it had delivered but not acknowledged goes out again:
 *       at least once).</li>
 *   <li><b>Unknown outcomes.</b> A store on a server may lose the connection after sending COMMIT
 *       ({@link StoreAccessException#outcomeUnknown()}). It stores each commit's {@link Commit#commandId()} with
 *       its journal entry; the engine must look it up ({@link #committedVersion}) and answer the command as
 *       committed, or decide it again, never guess.</li>
 *   <li><b>Round-robin and least-loaded.</b> {@link #lastAssignedAgent} and {@link #agentLoad} read the shared
 *       committed data, never a per-process cursor.</li>
 * </ul>
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
     *                               {@code commit.expectedVersion()}, or an agent of {@code commit.capacities()} would
     *                               hold more ACTIVE assignments than its limit; nothing is written
     */
    default void commit(Commit commit) {
        StaleVersionException refusal = commitAll(List.of(commit)).get(0);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Stores several commits as one durable write (group commit), the commits of one order applied in list order, so
     * a later commit may build on an earlier one of the same order (commits of different orders may be applied in
     * another order: of two competing for an agent's last capacity, one is refused). Each is checked against its
     * expected version and its capacities; the result lists, in list order, null for a commit that was stored or the
     * exception that refused it. Refused commits write nothing; the others are stored together, atomically.
     */
    List<StaleVersionException> commitAll(List<Commit> commits);

    /**
     * The version of the journal entry of {@code orderId} that a commit carrying {@code commandId} stored, if one
     * did: how a caller resolves a commit whose outcome was unknown ({@link StoreAccessException#outcomeUnknown()}).
     * Stores that never leave an outcome unknown (in-process ones) keep no command ids and answer empty.
     */
    default Optional<Long> committedVersion(String orderId, String commandId) {
        return Optional.empty();
    }

    /** The journal of one order in version order; empty when none. */
    List<JournalEntry> journal(String orderId);

    /** Every assignment of one order, by start version. */
    List<Assignment> assignments(String orderId);

    /** Order ids whose session is in {@code state}, sorted. */
    List<String> ordersInState(String state);

    /** Order ids whose session currently has agent {@code agentId}, sorted. */
    List<String> ordersWithAgent(String agentId);

    /**
     * One page of {@link #ordersInState}: up to {@code limit} order ids in {@code state} that come after
     * {@code after} in the store's id order, ascending; {@code after} null starts at the first. The id order is
     * {@link String#compareTo} for ids of characters of the Basic Multilingual Plane (every valid GovStack order id);
     * a store may order ids with other characters in another fixed total order (PostgreSQL: by code point). A page
     * is read at one moment, but pages of one walk are not: an order that stays in {@code state} for the whole walk
     * is listed on exactly one page; one that enters or leaves the state during the walk on at most one; ids never
     * come back in a later page, since each page starts after the last id of the one before. Keeps no cursor in the
     * store (several processes may walk one database).
     *
     * @param after  the last id of the previous page, or null for the first page
     * @param limit  at least 1
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    List<String> ordersInState(String state, String after, int limit);

    /** One page of {@link #ordersWithAgent}, as {@link #ordersInState(String, String, int)} pages. */
    List<String> ordersWithAgent(String agentId, String after, int limit);

    /**
     * One page of {@link #journal(String)}: up to {@code limit} entries with versions above {@code afterVersion}, in
     * version order (entries are never removed or rewritten, so a walk sees each entry exactly once).
     *
     * @param afterVersion 0 for the first page, else the last version of the previous page
     * @throws IllegalArgumentException if {@code limit} is below 1 or {@code afterVersion} is negative
     */
    List<JournalEntry> journal(String orderId, long afterVersion, int limit);

    /** ACTIVE assignments of {@code agentId}. */
    int agentLoad(String agentId);

    /** The agent of the most recently started assignment, if any (round-robin cursor). */
    Optional<String> lastAssignedAgent();

    /** Order ids whose idle deadline is at or before {@code now}, by deadline then order id. */
    List<String> dueTimers(Instant now);

    /**
     * Up to {@code limit} order ids whose idle deadline is at or before {@code now}, by deadline then order id, for
     * {@code owner} (one engine process) to fire. A store shared by several processes claims each armed deadline for
     * one owner until {@code lease} has passed since that owner's latest claim of it, leaves out a deadline claimed by
     * another owner (or being claimed by one at that moment), and claims a re-armed deadline afresh. The claim is no
     * lock on the session: the firing commit still goes through the version check (see the class comment). A
     * single-process store has one owner: this is the first {@code limit} of {@link #dueTimers}.
     */
    default List<String> claimDueTimers(String owner, Instant now, Duration lease, int limit) {
        List<String> due = dueTimers(now);
        return due.size() <= limit ? due : List.copyOf(due.subList(0, limit));
    }

    /** The earliest armed idle deadline, if any. */
    Optional<Instant> nextDeadline();

    /** Up to {@code limit} journal entries not yet acknowledged, in commit order. */
    List<JournalEntry> pendingOutbox(int limit);

    /**
     * Up to {@code limit} unacknowledged entries for {@code owner} (one engine process) to deliver, in commit order.
     * A store shared by several processes leases each order's entries to one owner at a time, until {@code lease}
     * has passed since that owner's latest claim of the order; an order leased to another owner is left out. So per
     * order one owner delivers, in version order, and the entries of an owner that stopped claiming (a killed
     * process) are handed to another once its lease has run out. A single-process store has one owner: this is
     * {@link #pendingOutbox}.
     */
    default List<JournalEntry> claimOutbox(String owner, Duration lease, int limit) {
        return pendingOutbox(limit);
    }

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
