package io.supportflow.spec.check;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Precheck;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.model.World;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One order's step under the real semantics: builds a concrete {@link Session} and {@link World} from an abstract
 * configuration, runs {@link Semantics#step}, and projects the outcome back. The commands tried (in this fixed
 * order): open without an agent and with each agent, update without an agent and with each agent (the API allows
 * the current one), close, assign each agent, unassign, assignNext (unless the strategy is explicit), idleTimeout
 * (when the idle policy is on), then every custom event without an agent and with each agent; each by the first
 * actor permitted to fire it, and only when some row has its event. Commands carry agents by id only, so they stand
 * for the bounded agents' registered profiles (rating included).
 */
final class Stepper {
    /** The instant every concrete step runs at: 2000-01-01T00:00:00Z (not parsed: parsing loads java.time's parser). */
    static final Instant NOW = Instant.ofEpochSecond(946_684_800L);
    private static final String ORDER = "o";
    private static final Set<String> STANDARD_EVENTS =
            Set.of(Events.OPEN, Events.UPDATE, Events.ASSIGN, Events.UNASSIGN, Events.CLOSE, Events.IDLE_TIMEOUT);

    private final Lifecycle definition;
    private final Bounds bounds;
    private final Map<String, Map<String, List<Transition>>> rows = new HashMap<>();
    private final List<Action> actions = new ArrayList<>();
    private final Duration window;
    private final boolean roundRobin;

    Stepper(Lifecycle definition, Bounds bounds) {
        this.definition = definition;
        this.bounds = bounds;
        for (Transition t : definition.transitions()) {
            rows.computeIfAbsent(t.source(), s -> new HashMap<>())
                    .computeIfAbsent(t.event(), e -> new ArrayList<>()).add(t);
        }
        this.window = definition.policies().reopen() instanceof ReopenPolicy.Within within ? within.window() : null;
        this.roundRobin = definition.policies().assignment() == AssignmentStrategy.ROUND_ROBIN;
        listActions();
    }

    Local initial() {
        return new Local(definition.initialState(), null, List.of(), false);
    }

    int actionCount() {
        return actions.size();
    }

    Action action(int action) {
        return actions.get(action);
    }

    Command command(int action, String orderId) {
        return actions.get(action).command(orderId);
    }

    /** Whether time passing matters: the reopen policy has a window. */
    boolean windowMatters() {
        return window != null;
    }

    /** How long the "reopen window passes" step waits: the window and one second. */
    Duration windowStep() {
        return window.plusSeconds(1);
    }

    /** The effect of {@code action} on an order in {@code from} whose other orders are {@code env}. */
    Move step(Local from, int action, Env env) {
        Action a = actions.get(action);
        List<Transition> candidates = rowsFrom(from.state(), a.event());
        if (candidates.isEmpty()) {
            return Move.NOTHING;
        }
        Session session = session(from);
        World world = new CheckerWorld(bounds, ORDER, from, env, NOW);
        Command command = a.command(ORDER);
        Outcome outcome = Semantics.step(definition, session, command, world, NOW);
        List<Transition> enabled = enabled(candidates, session, command, world);
        if (outcome instanceof Outcome.Accepted accepted) {
            return new Move(project(from, accepted), cursorAfter(accepted, env), enabled.get(0), enabled);
        }
        return new Move(null, null, null, enabled);
    }

    private List<Transition> rowsFrom(String state, String event) {
        return rows.getOrDefault(state, Map.of()).getOrDefault(event, List.of());
    }

    private List<Transition> enabled(List<Transition> candidates, Session session, Command command, World world) {
        Precheck pre = Semantics.precheck(definition, session, command, world, NOW);
        if (pre instanceof Precheck.Proceed proceed) {
            List<Transition> enabled = new ArrayList<>();
            for (Transition row : candidates) {
                if (Semantics.enabled(row, proceed.context())) {
                    enabled.add(row);
                }
            }
            return enabled;
        }
        return List.of();
    }

    private Session session(Local local) {
        if (local.state().equals(definition.initialState())) {
            return null;
        }
        Agent agent = local.agent() == null ? null : bounds.agents().get(bounds.indexOf(local.agent())).agent();
        Instant closedAt = !definition.isFinal(local.state()) ? null
                : window == null || local.windowOpen() ? NOW : NOW.minus(windowStep());
        return new Session(ORDER, local.state(), local.active().size() + 1L, Support.forOrder(ORDER), agent, NOW, NOW,
                closedAt, null);
    }

    private Local project(Local from, Outcome.Accepted accepted) {
        Map<Long, String> active = new TreeMap<>();
        for (int i = 0; i < from.active().size(); i++) {
            active.put(i + 1L, from.active().get(i));
        }
        for (Assignment a : accepted.assignments()) {
            if (a.active()) {
                active.put(a.startVersion(), a.agentId());
            } else {
                active.remove(a.startVersion());
            }
        }
        Session s = accepted.session();
        boolean windowOpen = window != null && s.closedAt() != null && !NOW.isAfter(s.closedAt().plus(window));
        return new Local(s.state(), s.agent() == null ? null : s.agent().id(), List.copyOf(active.values()),
                windowOpen);
    }

    private String cursorAfter(Outcome.Accepted accepted, Env env) {
        if (!roundRobin) {
            return null;
        }
        String cursor = env.cursor();
        for (Assignment a : accepted.assignments()) {
            if (a.active()) {
                cursor = a.agentId();
            }
        }
        return cursor;
    }

    private void listActions() {
        addWithEachAgent(Action.Kind.OPEN, Events.OPEN);
        addWithEachAgent(Action.Kind.UPDATE, Events.UPDATE);
        add(Action.Kind.CLOSE, Events.CLOSE, null);
        for (AgentProfile agent : bounds.agents()) {
            add(Action.Kind.ASSIGN, Events.ASSIGN, agent.agentId());
        }
        add(Action.Kind.UNASSIGN, Events.UNASSIGN, null);
        if (definition.policies().assignment() != AssignmentStrategy.EXPLICIT) {
            add(Action.Kind.ASSIGN_NEXT, Events.ASSIGN, null);
        }
        if (definition.policies().idleTimeout() != null && definition.policies().permits(Actor.SYSTEM,
                Events.IDLE_TIMEOUT)) {
            actions.add(new Action(Action.Kind.IDLE_TIMEOUT, Events.IDLE_TIMEOUT, null, Actor.SYSTEM));
        }
        for (String event : definition.events()) {
            if (!STANDARD_EVENTS.contains(event)) {
                addWithEachAgent(Action.Kind.FIRE, event);
            }
        }
        actions.removeIf(a -> !hasRows(a.event()));
    }

    /** Adds the action without an agent, then with each bounded agent. */
    private void addWithEachAgent(Action.Kind kind, String event) {
        add(kind, event, null);
        for (AgentProfile agent : bounds.agents()) {
            add(kind, event, agent.agentId());
        }
    }

    /** Adds the action as fired by the first actor permitted to fire {@code event}, if any is. */
    private void add(Action.Kind kind, String event, String agent) {
        for (Actor actor : Actor.values()) {
            if (definition.policies().permits(actor, event)) {
                actions.add(new Action(kind, event, agent, actor));
                return;
            }
        }
    }

    private boolean hasRows(String event) {
        for (Map<String, List<Transition>> byEvent : rows.values()) {
            if (byEvent.containsKey(event)) {
                return true;
            }
        }
        return false;
    }
}
