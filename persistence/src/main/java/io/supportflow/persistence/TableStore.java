package io.supportflow.persistence;

import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The store over any {@link Tables}: plans each change as {@link Writes}, then applies them in one atomic step.
 * Readers share a read lock; a writer holds the write lock until its writes are durable, so reads see only
 * committed data.
 */
final class TableStore implements SupportStore {
    private final Tables tables;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    TableStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public Optional<Session> load(String orderId) {
        return read(() -> Optional.ofNullable(table(Table.SESSION).get(orderId)).map(Records::session));
    }

    @Override
    public void commit(Commit commit) {
        StaleVersionException refusal = commitAll(List.of(commit)).get(0);
        if (refusal != null) {
            throw refusal;
        }
    }

    @Override
    public List<StaleVersionException> commitAll(List<Commit> commits) {
        return write(() -> {
            Writes batch = new Writes(tables);
            List<StaleVersionException> results = new ArrayList<>(commits.size());
            for (Commit commit : commits) {
                results.add(plan(commit, batch));
            }
            if (!batch.isEmpty()) {
                tables.apply(batch);
            }
            return Collections.unmodifiableList(results);
        });
    }

    private static StaleVersionException plan(Commit commit, Writes batch) {
        Writes one = batch.child();
        try {
            CommitPlanner.plan(commit, one);
        } catch (StaleVersionException refused) {
            return refused;
        }
        batch.absorb(one);
        return null;
    }

    @Override
    public List<JournalEntry> journal(String orderId) {
        return read(() -> values(Table.JOURNAL, Keys.prefix(orderId), Records::journalEntry));
    }

    @Override
    public List<Assignment> assignments(String orderId) {
        return read(() -> values(Table.ASSIGNMENT, Keys.prefix(orderId), Records::assignment));
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
    public int agentLoad(String agentId) {
        return read(() -> range(Table.ACTIVE, Keys.prefix(agentId)).size());
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return read(() -> Optional.ofNullable(Meta.textOf(table(Table.META).get(Meta.LAST_STARTED)))
                .map(key -> Records.assignment(table(Table.ASSIGNMENT).get(key)).agentId()));
    }

    @Override
    public List<String> dueTimers(Instant now) {
        return read(() -> {
            String bound = Keys.timerBound(now);
            NavigableMap<String, byte[]> timers = table(Table.TIMER);
            return (bound == null ? timers : timers.headMap(bound, false)).keySet().stream()
                    .map(Keys::timerOrder).toList();
        });
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return read(() -> {
            NavigableMap<String, byte[]> timers = table(Table.TIMER);
            return timers.isEmpty() ? Optional.empty() : Optional.of(Keys.timerDeadline(timers.firstKey()));
        });
    }

    @Override
    public List<JournalEntry> pendingOutbox(int limit) {
        return read(() -> table(Table.OUTBOX_ORDER).values().stream().limit(limit)
                .map(journalKey -> Records.journalEntry(table(Table.JOURNAL).get(Meta.textOf(journalKey))))
                .toList());
    }

    @Override
    public void acknowledge(String orderId, long version) {
        acknowledgeAll(List.of(new EntryId(orderId, version)));
    }

    @Override
    public void acknowledgeAll(List<EntryId> entries) {
        write(() -> {
            Writes writes = new Writes(tables);
            for (EntryId entry : entries) {
                String journalKey = Keys.journal(entry.orderId(), entry.version());
                byte[] sequence = writes.get(Table.OUTBOX, journalKey);
                if (sequence != null) {
                    writes.delete(Table.OUTBOX, journalKey);
                    writes.delete(Table.OUTBOX_ORDER, Keys.sequence(Meta.longOf(sequence)));
                }
            }
            if (!writes.isEmpty()) {
                tables.apply(writes);
            }
            return null;
        });
    }

    @Override
    public void putAgent(AgentProfile profile) {
        write(() -> {
            Writes writes = new Writes(tables);
            writes.put(Table.AGENT, profile.agentId(), Records.agentProfile(profile));
            tables.apply(writes);
            return null;
        });
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return read(() -> Optional.ofNullable(table(Table.AGENT).get(agentId)).map(Records::agentProfile));
    }

    @Override
    public List<AgentProfile> agents() {
        return read(() -> table(Table.AGENT).values().stream().map(Records::agentProfile).toList());
    }

    @Override
    public long sessionCount() {
        return read(() -> Meta.longOf(table(Table.META).get(Meta.SESSIONS)));
    }

    @Override
    public void compact() {
        write(() -> {
            tables.compact();
            return null;
        });
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                tables.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The backend, for tests that compare tables byte for byte. */
    Tables tables() {
        return tables;
    }

    private NavigableMap<String, byte[]> table(Table table) {
        return tables.read(table);
    }

    private NavigableMap<String, byte[]> range(Table table, String prefix) {
        return table(table).subMap(prefix, true, Keys.prefixEnd(prefix), false);
    }

    private <T> List<T> values(Table table, String prefix, Function<byte[], T> decode) {
        return range(table, prefix).values().stream().map(decode).toList();
    }

    private List<String> secondParts(Table table, String prefix) {
        return range(table, prefix).keySet().stream().map(key -> Keys.secondPart(key, prefix)).toList();
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

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            ensureOpen();
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
