package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that forwards everything; tests override the calls they want to watch or hold up. */
class DelegatingStore implements SupportStore {
    private final SupportStore delegate;

    DelegatingStore(SupportStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Session> load(String orderId) {
        return delegate.load(orderId);
    }

    @Override
    public void commit(Commit commit) {
        delegate.commit(commit);
    }

    @Override
    public List<StaleVersionException> commitAll(List<Commit> commits) {
        return delegate.commitAll(commits);
    }

    @Override
    public Optional<Long> committedVersion(String orderId, String commandId) {
        return delegate.committedVersion(orderId, commandId);
    }

    @Override
    public List<JournalEntry> journal(String orderId) {
        return delegate.journal(orderId);
    }

    @Override
    public List<Assignment> assignments(String orderId) {
        return delegate.assignments(orderId);
    }

    @Override
    public List<String> ordersInState(String state) {
        return delegate.ordersInState(state);
    }

    @Override
    public List<String> ordersWithAgent(String agentId) {
        return delegate.ordersWithAgent(agentId);
    }

    @Override
    public List<String> ordersInState(String state, String after, int limit) {
        return delegate.ordersInState(state, after, limit);
    }

    @Override
    public List<String> ordersWithAgent(String agentId, String after, int limit) {
        return delegate.ordersWithAgent(agentId, after, limit);
    }

    @Override
    public List<JournalEntry> journal(String orderId, long afterVersion, int limit) {
        return delegate.journal(orderId, afterVersion, limit);
    }

    @Override
    public int agentLoad(String agentId) {
        return delegate.agentLoad(agentId);
    }

    @Override
    public Optional<String> lastAssignedAgent() {
        return delegate.lastAssignedAgent();
    }

    @Override
    public List<String> dueTimers(Instant now) {
        return delegate.dueTimers(now);
    }

    @Override
    public List<String> claimDueTimers(String owner, Instant now, Duration lease, int limit) {
        return delegate.claimDueTimers(owner, now, lease, limit);
    }

    @Override
    public Optional<Instant> nextDeadline() {
        return delegate.nextDeadline();
    }

    @Override
    public List<JournalEntry> pendingOutbox(int limit) {
        return delegate.pendingOutbox(limit);
    }

    @Override
    public List<JournalEntry> claimOutbox(String owner, Duration lease, int limit) {
        return delegate.claimOutbox(owner, lease, limit);
    }

    @Override
    public void acknowledge(String orderId, long version) {
        delegate.acknowledge(orderId, version);
    }

    @Override
    public void acknowledgeAll(List<EntryId> entries) {
        delegate.acknowledgeAll(entries);
    }

    @Override
    public void putAgent(AgentProfile profile) {
        delegate.putAgent(profile);
    }

    @Override
    public Optional<AgentProfile> agent(String agentId) {
        return delegate.agent(agentId);
    }

    @Override
    public List<AgentProfile> agents() {
        return delegate.agents();
    }

    @Override
    public long sessionCount() {
        return delegate.sessionCount();
    }

    @Override
    public void compact() {
        delegate.compact();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
