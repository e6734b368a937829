package io.supportflow.spec.model;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Executes a lifecycle on abstract sessions, in memory, one command at a time: the oracle for the engine's
 * property tests. Every command goes through {@link Semantics#step}; accepted outcomes are kept (session, journal,
 * assignments), refused ones and no-ops change nothing. Not thread-safe.
 */
public final class ReferenceModel {
    private final Lifecycle definition;
    private final Map<String, Session> sessions = new TreeMap<>();
    private final Map<String, List<JournalEntry>> journals = new HashMap<>();
    private final Map<String, List<Assignment>> assignments = new HashMap<>();
    private final Map<String, AgentProfile> agents = new TreeMap<>();
    private final ModelWorld world = new ModelWorld();
    private String lastAssignedAgent;
    private Instant now;

    /** A model with no sessions whose clock reads {@code start}. */
    public ReferenceModel(Lifecycle definition, Instant start) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Runs one command at the model's current time. */
    public Outcome apply(Command command) {
        Outcome outcome = Semantics.step(definition, sessions.get(command.orderId()), command, world, now);
        if (outcome instanceof Outcome.Accepted accepted) {
            record(accepted);
        }
        return outcome;
    }

    /**
     * Moves the clock forward by {@code step} and fires every idle timer now due, by deadline then order id.
     *
     * @return the outcomes of the fired timers, in firing order
     */
    public List<Outcome> advanceClock(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + step);
        }
        now = now.plus(step);
        List<Outcome> fired = new ArrayList<>();
        for (String orderId : dueTimers()) {
            fired.add(apply(new Command.IdleTimeout(orderId)));
        }
        return fired;
    }

    /** Order ids whose idle deadline is at or before now, by deadline then order id. */
    public List<String> dueTimers() {
        return sessions.values().stream()
                .filter(s -> s.idleDeadline() != null && !s.idleDeadline().isAfter(now))
                .sorted(Comparator.comparing(Session::idleDeadline).thenComparing(Session::orderId))
                .map(Session::orderId)
                .toList();
    }

    /** Registers or replaces an agent. */
    public void registerAgent(AgentProfile profile) {
        agents.put(profile.agentId(), profile);
    }

    public Instant now() {
        return now;
    }

    public Lifecycle definition() {
        return definition;
    }

    public Optional<Session> session(String orderId) {
        return Optional.ofNullable(sessions.get(orderId));
    }

    /** Every session, by order id. */
    public List<Session> sessions() {
        return List.copyOf(sessions.values());
    }

    public List<JournalEntry> journal(String orderId) {
        return List.copyOf(journals.getOrDefault(orderId, List.of()));
    }

    public List<Assignment> assignments(String orderId) {
        return List.copyOf(assignments.getOrDefault(orderId, List.of()));
    }

    /** ACTIVE assignments of {@code agentId} over all orders. */
    public int agentLoad(String agentId) {
        return world.activeAssignments(agentId, null);
    }

    private void record(Outcome.Accepted accepted) {
        String orderId = accepted.session().orderId();
        sessions.put(orderId, accepted.session());
        journals.computeIfAbsent(orderId, k -> new ArrayList<>()).add(accepted.entry());
        List<Assignment> list = assignments.computeIfAbsent(orderId, k -> new ArrayList<>());
        for (Assignment a : accepted.assignments()) {
            list.removeIf(old -> old.startVersion() == a.startVersion());
            list.add(a);
            if (a.active()) {
                lastAssignedAgent = a.agentId();
            }
        }
        list.sort(Comparator.comparingLong(Assignment::startVersion));
    }

    /** The model's view for guards and strategies. */
    private final class ModelWorld implements World {
        @Override
        public Optional<AgentProfile> agent(String agentId) {
            return Optional.ofNullable(agents.get(agentId));
        }

        @Override
        public List<AgentProfile> agents() {
            return List.copyOf(agents.values());
        }

        @Override
        public int activeAssignments(String agentId, String exceptOrderId) {
            return (int) assignments.entrySet().stream()
                    .filter(e -> !e.getKey().equals(exceptOrderId))
                    .flatMap(e -> e.getValue().stream())
                    .filter(a -> a.active() && a.agentId().equals(agentId))
                    .count();
        }

        @Override
        public List<Assignment> activeAssignmentsOf(String orderId) {
            return assignments.getOrDefault(orderId, List.of()).stream().filter(Assignment::active).toList();
        }

        @Override
        public Optional<String> lastAssignedAgent() {
            return Optional.ofNullable(lastAssignedAgent);
        }
    }
}
