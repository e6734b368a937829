package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A synchronized in-memory store until the persistence module's stores land. */
final class FakeStore implements SupportStore {
    private final Map<String, Session> sessions = new TreeMap<>();
    private final Map<String, List<JournalEntry>> journals = new HashMap<>();
    private final Map<String, List<Assignment>> assignments = new HashMap<>();
    private final Map<String, AgentProfile> agents = new TreeMap<>();
    private final Map<String, JournalEntry> outbox = new LinkedHashMap<>();
    private String lastAssigned;

    @Override
    public synchronized Optional<Session> load(String orderId) {
        return Optional.ofNullable(sessions.get(orderId));
    }

    @Override
    public synchronized void commit(Commit commit) {
        StaleVersionException e = check(commit);
        if (e != null) {
            throw e;
        }
        write(commit);
    }

    @Override
    public synchronized List<StaleVersionException> commitAll(List<Commit> commits) {
        List<StaleVersionException> out = new ArrayList<>();
        for (Commit c : commits) {
            StaleVersionException e = check(c);
            if (e == null) {
                write(c);
            }
            out.add(e);
        }
        return out;
    }

    private StaleVersionException check(Commit c) {
        Session s = sessions.get(c.session().orderId());
        long actual = s == null ? 0 : s.version();
        return actual == c.expectedVersion() ? null
                : new StaleVersionException(c.session().orderId(), c.expectedVersion(), actual);
    }

    private void write(Commit c) {
        String id = c.session().orderId();
        sessions.put(id, c.session());
        journals.computeIfAbsent(id, k -> new ArrayList<>()).add(c.entry());
        List<Assignment> list = assignments.computeIfAbsent(id, k -> new ArrayList<>());
        for (Assignment a : c.assignments()) {
            list.removeIf(o -> o.startVersion() == a.startVersion());
            list.add(a);
            if (a.active()) {
                lastAssigned = a.agentId();
            }
        }
        list.sort(Comparator.comparingLong(Assignment::startVersion));
        outbox.put(id + "#" + c.entry().version(), c.entry());
    }

    @Override
    public synchronized List<JournalEntry> journal(String orderId) {
        return List.copyOf(journals.getOrDefault(orderId, List.of()));
    }

    @Override
    public synchronized List<Assignment> assignments(String orderId) {
        return List.copyOf(assignments.getOrDefault(orderId, List.of()));
    }

    @Override
    public synchronized List<String> ordersInState(String state) {
        return sessions.values().stream().filter(s -> s.state().equals(state)).map(Session::orderId).toList();
    }

    @Override
    public synchronized List<String> ordersWithAgent(String agentId) {
        return sessions.values().stream().filter(s -> s.agent() != null && s.agent().id().equals(agentId))
                .map(Session::orderId).toList();
    }

    @Override
    public synchronized int agentLoad(String agentId) {
        return (int) assignments.values().stream().flatMap(List::stream)
                .filter(a -> a.active() && a.agentId().equals(agentId)).count();
    }

    @Override
    public synchronized Optional<String> lastAssignedAgent() {
        return Optional.ofNullable(lastAssigned);
    }

    @Override
    public synchronized List<String> dueTimers(Instant now) {
        return sessions.values().stream().filter(s -> s.idleDeadline() != null && !s.idleDeadline().isAfter(now))
                .sorted(Comparator.comparing(Session::idleDeadline).thenComparing(Session::orderId))
                .map(Session::orderId).toList();
    }

    @Override
    public synchronized Optional<Instant> nextDeadline() {
        return sessions.values().stream().map(Session::idleDeadline).filter(d -> d != null).min(Comparator.naturalOrder());
    }

    @Override
    public synchronized List<JournalEntry> pendingOutbox(int limit) {
        return outbox.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized void acknowledge(String orderId, long version) {
        outbox.remove(orderId + "#" + version);
    }

    @Override
    public synchronized void putAgent(AgentProfile profile) {
        agents.put(profile.agentId(), profile);
    }

    @Override
    public synchronized Optional<AgentProfile> agent(String agentId) {
        return Optional.ofNullable(agents.get(agentId));
    }

    @Override
    public synchronized List<AgentProfile> agents() {
        return List.copyOf(agents.values());
    }

    @Override
    public synchronized long sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
    }
}
