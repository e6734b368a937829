package io.supportflow.properties;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An in-memory stand-in for the MapDB store until the persistence module lands: the data of a directory outlives
 * the store objects opened on it (within this JVM), so restarts can be exercised. Thread-safe.
 */
final class StandInStore implements SupportStore {
    private static final Map<Path, Data> DIRECTORIES = new ConcurrentHashMap<>();

    private final Data data;
    private volatile boolean closed;

    private StandInStore(Data data) {
        this.data = data;
    }

    static SupportStore open(Path directory) {
        return new StandInStore(DIRECTORIES.computeIfAbsent(directory.toAbsolutePath(), d -> new Data()));
    }

    static void delete(Path directory) {
        DIRECTORIES.remove(directory.toAbsolutePath());
    }

    /** The durable part: what a directory holds. */
    private static final class Data {
        final Map<String, Session> sessions = new TreeMap<>();
        final Map<String, List<JournalEntry>> journals = new HashMap<>();
        final Map<String, List<Assignment>> assignments = new HashMap<>();
        final Map<String, AgentProfile> agents = new TreeMap<>();
        final Map<String, JournalEntry> outbox = new LinkedHashMap<>();
        String lastAssigned;
    }

    private <T> T read(Supplier<T> body) {
        synchronized (data) {
            if (closed) {
                throw new IllegalStateException("store closed");
            }
            return body.get();
        }
    }

    @Override
    public Optional<Session> load(String orderId) {
        return read(() -> Optional.ofNullable(data.sessions.get(orderId)));
    }

    @Override
    public void commit(Commit commit) {
        StaleVersionException refused = commitAll(List.of(commit)).get(0);
        if (refused != null) {
            throw refused;
        }
    }

    @Override
    public List<StaleVersionException> commitAll(List<Commit> commits) {
        return read(() -> {
            List<StaleVersionException> results = new ArrayList<>();
            for (Commit c : commits) {
                Session stored = data.sessions.get(c.session().orderId());
                long actual = stored == null ? 0 : stored.version();
                if (actual == c.expectedVersion()) {
                    write(c);
                    results.add(null);
                } else {
                    results.add(new StaleVersionException(c.session().orderId(), c.expectedVersion(), actual));
                }
            }
            return results;
        });
    }

    private void write(Commit c) {
        String id = c.session().orderId();
        data.sessions.put(id, c.session());
        data.journals.computeIfAbsent(id, k -> new ArrayList<>()).add(c.entry());
        List<Assignment> list = data.assignments.computeIfAbsent(id, k -> new ArrayList<>());
        for (Assignment a : c.assignments()) {
            list.removeIf(old -> old.startVersion() == a.startVersion());
            list.add(a);
            if (a.active()) {
                data.lastAssigned = a.agentId();
            }
        }
        list.sort(Comparator.comparingLong(Assignment::startVersion));
        data.outbox.put(id + "#" + c.entry().version(), c.entry());
    }

    @Override
    public List<JournalEntry> journal(String orderId) {
        return read(() -> List.copyOf(data.journals.getOrDefault(orderId, List.of())));
    }

    @Override
    public List<Assignment> assignments(String orderId) {
        return read(() -> List.copyOf(data.assignments.getOrDefault(orderId, List.of())));
    }

    @Override
    public List<String> ordersInState(String state) {
        return read(() -> data.sessions.values().stream().filter(s -> s.state().equals(state))
                .map(Session::orderId).toList());
    }

    @Override
    public List<String> ordersWithAgent(String agentId) {
        return read(() -> data.sessions.values().stream()
                .filter(s -> s.agent() != null && s.agent().id().equals(agentId)).map(Session::orderId).toList());
    }

    @Override
    public int agentLoad(String agentId) {
        return read(() -> (int) data.assignments.values().stream().flatMap(List::stream)
                .filter(a -> a.active() && a.agentId().equals(agentId)).count());
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return read(() -> Optional.ofNullable(data.lastAssigned));
    }

    @Override
    public List<String> dueTimers(Instant now) {
        return read(() -> data.sessions.values().stream()
                .filter(s -> s.idleDeadline() != null && !s.idleDeadline().isAfter(now))
                .sorted(Comparator.comparing(Session::idleDeadline).thenComparing(Session::orderId))
                .map(Session::orderId).toList());
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return read(() -> data.sessions.values().stream().map(Session::idleDeadline).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()));
    }

    @Override
    public List<JournalEntry> pendingOutbox(int limit) {
        return read(() -> data.outbox.values().stream().limit(limit).toList());
    }

    @Override
    public void acknowledge(String orderId, long version) {
        read(() -> data.outbox.remove(orderId + "#" + version));
    }

    @Override
    public void putAgent(AgentProfile profile) {
        read(() -> data.agents.put(profile.agentId(), profile));
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return read(() -> Optional.ofNullable(data.agents.get(agentId)));
    }

    @Override
    public List<AgentProfile> agents() {
        return read(() -> List.copyOf(data.agents.values()));
    }

    @Override
    public long sessionCount() {
        return read(() -> (long) data.sessions.size());
    }

    @Override
    public void close() {
        closed = true;
    }
}
