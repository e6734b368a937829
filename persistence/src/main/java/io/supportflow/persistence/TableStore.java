package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The store over any {@link Tables}: plans each change as {@link Writes}, then stores them in one atomic step.
 * One change at a time is planned and stored (the {@code durable} lock). Readers share the read lock and see only
 * committed data: a change is planned and {@link Tables#stage staged} under the write lock, then
 * {@link Tables#force forced} to disk without it while readers see the staged tables through the change's
 * {@link BeforeImages}, and {@link Tables#publish published} under the write lock again. Acknowledgements are staged
 * and published at once, and forced with the next change (or at close): a lost acknowledgement only means a
 * delivery is repeated, and a force of its own would cost every outbox pass a disk flush.
 */
final class TableStore implements SupportStore {
    private final Tables tables;
    private final Lock durable = new ReentrantLock();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TimerWheel timers = new TimerWheel();
    private BeforeImages staged = BeforeImages.NONE;
    private boolean closed;

    TableStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public Optional<Session> load(String orderId) {
        return aboutOrder(orderId, () -> read(() -> Optional.ofNullable(get(Table.SESSION, orderId))
                .map(Records::session)));
    }

    @Override
    public List<StaleVersionException> commitAll(List<Commit> commits) {
        return store(batch -> {
            List<StaleVersionException> results = new ArrayList<>(commits.size());
            for (Commit commit : commits) {
                results.add(plan(commit, batch));
            }
            return Collections.unmodifiableList(results);
        });
    }

    private static StaleVersionException plan(Commit commit, Writes batch) {
        Writes one = batch.child();
        try {
            aboutOrder(commit.session().orderId(), () -> {
                CommitPlanner.plan(commit, one);
                return null;
            });
        } catch (StaleVersionException refused) {
            return refused;
        }
        batch.absorb(one);
        return null;
    }

    @Override
    public List<JournalEntry> journal(String orderId) {
        return aboutOrder(orderId, () -> read(() -> values(Table.JOURNAL, Keys.prefix(orderId),
                Records::journalEntry)));
    }

    @Override
    public List<Assignment> assignments(String orderId) {
        return aboutOrder(orderId, () -> read(() -> values(Table.ASSIGNMENT, Keys.prefix(orderId),
                Records::assignment)));
    }

    @Override
    public List<String> ordersInState(String state) {
        return read(() -> secondParts(Table.BY_STATE, Keys.prefix(state)));
    }

    @Override
    public List<String> ordersWithAgent(String agentId) {
        return read(() -> secondParts(Table.BY_AGENT, Keys.prefix(agentId)));
    }

    @Override
    public List<String> ordersInState(String state, String after, int limit) {
        return read(() -> secondParts(Table.BY_STATE, Keys.prefix(state), after, limit));
    }

    @Override
    public List<String> ordersWithAgent(String agentId, String after, int limit) {
        return read(() -> secondParts(Table.BY_AGENT, Keys.prefix(agentId), after, limit));
    }

    @Override
    public List<JournalEntry> journal(String orderId, long afterVersion, int limit) {
        checkLimit(limit);
        if (afterVersion < 0) {
            throw new IllegalArgumentException("afterVersion must not be negative: " + afterVersion);
        }
        if (afterVersion == Long.MAX_VALUE) {
            return List.of();
        }
        String prefix = Keys.prefix(orderId);
        return aboutOrder(orderId, () -> read(() -> decoded(head(Table.JOURNAL,
                Keys.journal(orderId, afterVersion + 1), Keys.prefixEnd(prefix), limit).values(), Records::journalEntry)));
    }

    @Override
    public int agentLoad(String agentId) {
        return read(() -> range(Table.ACTIVE, Keys.prefix(agentId)).size());
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return read(() -> Optional.ofNullable(Meta.textOf(get(Table.META, Meta.LAST_STARTED)))
                .map(key -> Records.assignment(get(Table.ASSIGNMENT, key)).agentId()));
    }

    @Override
    public List<String> dueTimers(Instant now) {
        return read(() -> timers.due(now, this::timerKeys));
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return read(() -> timers.next(this::timerKeys));
    }

    /** The committed timer keys from {@code from} (inclusive) to {@code to} (exclusive); a null bound is open. */
    private NavigableMap<String, byte[]> timerKeys(String from, String to) {
        NavigableMap<String, byte[]> all = table(Table.TIMER);
        NavigableMap<String, byte[]> tail = from == null ? all : all.tailMap(from, true);
        return staged.range(Table.TIMER, to == null ? tail : tail.headMap(to, false), from, to);
    }

    @Override
    public List<JournalEntry> pendingOutbox(int limit) {
        return read(() -> table(Table.OUTBOX_ORDER).values().stream().limit(limit)
                .map(journalKey -> Records.journalEntry(get(Table.JOURNAL, Meta.textOf(journalKey))))
                .toList());
    }

    @Override
    public void acknowledge(String orderId, long version) {
        acknowledgeAll(List.of(new EntryId(orderId, version)));
    }

    @Override
    public void acknowledgeAll(List<EntryId> entries) {
        exclusively(() -> {
            ensureOpen();
            Writes writes = new Writes(tables);
            for (EntryId entry : entries) {
                String journalKey = Keys.journal(entry.orderId(), entry.version());
                byte[] sequence = writes.get(Table.OUTBOX, journalKey);
                if (sequence != null) {
                    writes.delete(Table.OUTBOX, journalKey);
                    writes.delete(Table.OUTBOX_ORDER, Keys.sequence(Meta.longOf(sequence)));
                }
            }
            tables.stage(writes);
            tables.publish(writes);
        });
    }

    @Override
    public void putAgent(AgentProfile profile) {
        store(writes -> {
            writes.put(Table.AGENT, profile.agentId(), Records.agentProfile(profile));
            return null;
        });
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return read(() -> Optional.ofNullable(get(Table.AGENT, agentId)).map(Records::agentProfile));
    }

    @Override
    public List<AgentProfile> agents() {
        return read(() -> decoded(staged.range(Table.AGENT, table(Table.AGENT), null, null).values(),
                Records::agentProfile));
    }

    @Override
    public long sessionCount() {
        return read(() -> Meta.longOf(get(Table.META, Meta.SESSIONS)));
    }

    @Override
    public void compact() {
        exclusively(() -> {
            ensureOpen();
            tables.compact();
        });
    }

    @Override
    public void close() {
        exclusively(() -> {
            if (!closed) {
                closed = true;
                tables.close();
            }
        });
    }

    /** The backend, for tests that compare tables byte for byte. */
    Tables tables() {
        return tables;
    }

    private NavigableMap<String, byte[]> table(Table table) {
        return tables.read(table);
    }

    /** The committed value of {@code key}. */
    private byte[] get(Table table, String key) {
        return staged.get(table, table(table), key);
    }

    /** The committed entries whose keys start with {@code prefix}. */
    private NavigableMap<String, byte[]> range(Table table, String prefix) {
        String end = Keys.prefixEnd(prefix);
        return staged.range(table, table(table).subMap(prefix, true, end, false), prefix, end);
    }

    /**
     * The first {@code limit} committed entries from {@code from} (inclusive) to {@code to} (exclusive): reads no
     * further into the table than that, plus the keys the staged batch wrote in the range.
     */
    private NavigableMap<String, byte[]> head(Table table, String from, String to, int limit) {
        return staged.head(table, table(table).subMap(from, true, to, false), from, to, limit);
    }

    /**
     * Up to {@code limit} second parts of the two-part keys that start with {@code prefix}, after the key of
     * {@code after} (null: from the first). The least key above {@code prefix + text(after)} is that key followed by
     * the separator, since an escaped text part never holds the separator.
     */
    private List<String> secondParts(Table table, String prefix, String after, int limit) {
        checkLimit(limit);
        String from = after == null ? prefix : prefix + Keys.text(after) + '\0';
        return decoded(head(table, from, Keys.prefixEnd(prefix), limit).keySet(),
                key -> Keys.secondPart(key, prefix));
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item: limit " + limit);
        }
    }

    private <T> List<T> values(Table table, String prefix, Function<byte[], T> decode) {
        return decoded(range(table, prefix).values(), decode);
    }

    private List<String> secondParts(Table table, String prefix) {
        return decoded(range(table, prefix).keySet(), key -> Keys.secondPart(key, prefix));
    }

    /** An unmodifiable list of {@code items}, each decoded (a plain loop: a stream would walk a range twice). */
    private static <S, T> List<T> decoded(Collection<S> items, Function<S, T> decode) {
        List<T> decodedItems = new ArrayList<>();
        for (S item : items) {
            decodedItems.add(decode.apply(item));
        }
        return Collections.unmodifiableList(decodedItems);
    }

    /** Runs {@code action}, a call about {@code orderId}: damage it meets is reported as the order's. */
    private static <T> T aboutOrder(String orderId, Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreDamagedException e) {
            throw e.about(orderId);
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Plans a change with {@code plan} (which returns the caller's answer) and stores it: staged, forced without the
     * write lock, published. Returns once the change is durable; if storing fails, nothing of it is visible.
     */
    private <T> T store(Function<Writes, T> plan) {
        durable.lock();
        try {
            Writes writes = new Writes(tables);
            T answer = underWriteLock(() -> {
                ensureOpen();
                T planned = plan.apply(writes);
                if (!writes.isEmpty()) {
                    staged = tables.stage(writes);
                }
                return planned;
            });
            if (!writes.isEmpty()) {
                force(writes);
            }
            return answer;
        } finally {
            durable.unlock();
        }
    }

    private void force(Writes writes) {
        try {
            tables.force(writes);
        } catch (RuntimeException | Error e) {
            afterForce(() -> tables.discard(e));
            throw e;
        }
        afterForce(() -> {
            tables.publish(writes);
            writes.forEach((table, key, value) -> {
                if (table == Table.TIMER && value != null) {
                    timers.armed(Keys.timerDeadline(key));
                }
            });
        });
    }

    private void afterForce(Runnable step) {
        underWriteLock(() -> {
            staged = BeforeImages.NONE;
            step.run();
            return null;
        });
    }

    /** Runs {@code action} while no change is being stored and nobody reads. */
    private void exclusively(Runnable action) {
        durable.lock();
        try {
            underWriteLock(() -> {
                action.run();
                return null;
            });
        } finally {
            durable.unlock();
        }
    }

    private <T> T underWriteLock(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
    }
}
