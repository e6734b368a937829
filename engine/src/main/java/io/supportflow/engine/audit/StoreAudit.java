package io.supportflow.engine.audit;

import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Replayed;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Audits a stored history against a lifecycle definition: replays every order's journal and checks P1–P5 on the
 * stored data. Reports each order whose journal does not replay to its record (P5), whose journal is not one entry
 * per version chained state to state (P4), that breaks P1 or P2, that is in a state or used a row the definition does
 * not have (a rules change since it was stored), and each agent above its capacity (P3).
 *
 * <p>Reads only: the store is not changed. Orders are found by state, so sessions in a state the definition does not
 * declare are counted (not listed). The audit sees the store as it is while it runs: audit a store nobody writes to
 * (a MapDB store is locked while served, so it cannot be opened then). Not thread-safe; stateless between calls.
 */
public final class StoreAudit {
    /** How many orders are audited between two progress calls. */
    public static final long PROGRESS_EVERY = 10_000;

    private StoreAudit() {
    }

    /**
     * Audits {@code store} against {@code definition}.
     *
     * @param progress called with the number of orders audited so far, every {@link #PROGRESS_EVERY} orders
     * @throws NullPointerException if an argument is null
     */
    public static AuditReport run(SupportStore store, Lifecycle definition, LongConsumer progress) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(progress, "progress");
        List<AuditReport.Finding> findings = new ArrayList<>();
        Map<String, Integer> loads = new TreeMap<>();
        long audited = 0;
        for (String state : definition.states().subList(1, definition.states().size())) {
            for (String orderId : store.ordersInState(state)) {
                new OrderAudit(store, definition, orderId, findings).run(loads);
                audited++;
                if (audited % PROGRESS_EVERY == 0) {
                    progress.accept(audited);
                }
            }
        }
        long stored = store.sessionCount();
        if (stored > audited) {
            findings.add(new AuditReport.Finding("-", "state", (stored - audited) + " of " + stored
                    + " sessions are in states lifecycle '" + definition.name() + "' does not declare; audit them "
                    + "with the rules they were stored under"));
        }
        loads.forEach((agent, load) -> capacity(store, definition, agent).filter(c -> load > c).ifPresent(c ->
                findings.add(new AuditReport.Finding("-", "P3", "agent " + agent + " has " + load
                        + " ACTIVE assignments, above its capacity " + c))));
        return new AuditReport(definition.name(), audited, findings);
    }

    private static Optional<Integer> capacity(SupportStore store, Lifecycle definition, String agent) {
        return store.agent(agent).map(AgentProfile::capacity)
                .or(() -> Optional.ofNullable(definition.policies().agentCapacity()));
    }

    /** The checks of one order. */
    private static final class OrderAudit {
        private final SupportStore store;
        private final Lifecycle definition;
        private final String orderId;
        private final List<AuditReport.Finding> findings;

        OrderAudit(SupportStore store, Lifecycle definition, String orderId, List<AuditReport.Finding> findings) {
            this.store = store;
            this.definition = definition;
            this.orderId = orderId;
            this.findings = findings;
        }

        void run(Map<String, Integer> loads) {
            Session session = store.load(orderId).orElseThrow();
            List<JournalEntry> journal = store.journal(orderId);
            List<Assignment> assignments = store.assignments(orderId);
            List<Assignment> active = assignments.stream().filter(Assignment::active).toList();
            active.forEach(a -> loads.merge(a.agentId(), 1, Integer::sum));
            journal(session, journal);
            rows(journal);
            replay(session, journal, assignments);
            invariants(session, active);
        }

        private void journal(Session session, List<JournalEntry> journal) {
            String expectedFrom = definition.initialState();
            for (int i = 0; i < journal.size(); i++) {
                JournalEntry e = journal.get(i);
                if (e.version() != i + 1) {
                    report("P4", "journal entry " + (i + 1) + " has version " + e.version());
                    return;
                }
                if (!e.from().equals(expectedFrom)) {
                    report("P4", "journal entry " + e.version() + " starts in " + e.from() + ", not in "
                            + expectedFrom + (i == 0 ? ", the initial state" : ", where entry " + i + " left it")
                            + " (an entry is missing)");
                    return;
                }
                expectedFrom = e.to();
            }
            if (session.version() != journal.size()) {
                report("P4", "the record has version " + session.version() + " but the journal " + journal.size()
                        + " entries");
            } else if (!expectedFrom.equals(session.state())) {
                report("P4", "the journal ends in " + expectedFrom + " but the record is in " + session.state());
            }
        }

        private void rows(List<JournalEntry> journal) {
            for (JournalEntry e : journal) {
                boolean known = definition.transitionsFrom(e.from(), e.event()).stream()
                        .anyMatch(t -> t.target().equals(e.to()) && t.effects().equals(e.effects()));
                if (!known) {
                    report("row", "journal entry " + e.version() + " used " + e.from() + " --" + e.event() + "--> "
                            + e.to() + " " + e.effects() + ", a row lifecycle '" + definition.name()
                            + "' does not have");
                }
            }
        }

        private void replay(Session session, List<JournalEntry> journal, List<Assignment> assignments) {
            Replayed replayed;
            try {
                replayed = Semantics.replay(definition, journal);
            } catch (RuntimeException e) {
                report("P5", "the journal does not replay: " + e.getMessage());
                return;
            }
            if (!session.equals(replayed.session())) {
                report("P5", "the record differs from its replay in " + differences(session, replayed.session()));
            }
            Map<Long, Assignment> replayedByStart = new TreeMap<>();
            replayed.assignments().forEach(a -> replayedByStart.put(a.startVersion(), a));
            for (Assignment a : assignments) {
                Assignment r = replayedByStart.remove(a.startVersion());
                if (!a.equals(r)) {
                    report("P5", "the assignment started by entry " + a.startVersion() + " is " + describe(a)
                            + " in the store, " + (r == null ? "absent" : describe(r)) + " in the replay");
                }
            }
            replayedByStart.values().forEach(r -> report("P5", "the assignment started by entry " + r.startVersion()
                    + " is absent from the store, " + describe(r) + " in the replay"));
        }

        private static String describe(Assignment a) {
            return a.active() ? "ACTIVE (" + a.agentId() + ")" : "ENDED " + a.endReason() + " (" + a.agentId() + ")";
        }

        private static String differences(Session stored, Session replayed) {
            if (replayed == null) {
                return "everything (the journal is empty)";
            }
            List<String> fields = new ArrayList<>();
            var components = Session.class.getRecordComponents();
            for (var c : components) {
                try {
                    Object a = c.getAccessor().invoke(stored);
                    Object b = c.getAccessor().invoke(replayed);
                    if (!Objects.equals(a, b)) {
                        fields.add(c.getName() + " (stored " + a + ", replayed " + b + ")");
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(", ", fields);
        }

        private void invariants(Session session, List<Assignment> active) {
            String state = session.state();
            if (!definition.states().contains(state)) {
                report("state", "the session is in " + state + ", a state lifecycle '" + definition.name()
                        + "' does not have");
                return;
            }
            String agent = session.agent() == null ? null : session.agent().id();
            boolean one = agent != null && active.size() == 1 && active.get(0).agentId().equals(agent);
            if (definition.holdsAgent(state) != (agent != null) || (agent != null && !one)
                    || (agent == null && !active.isEmpty())) {
                report("P1", "in " + state + (agent == null ? " with no agent" : " with agent " + agent)
                        + " and ACTIVE assignments of " + active.stream().map(Assignment::agentId).toList());
            }
            if (definition.isFinal(state) && (agent != null || !active.isEmpty())) {
                report("P2", "in " + state + " (final) with " + (agent != null ? "agent " + agent
                        : "an ACTIVE assignment of " + active.get(0).agentId()));
            }
        }

        private void report(String kind, String detail) {
            findings.add(new AuditReport.Finding(orderId, kind, detail));
        }
    }
}
