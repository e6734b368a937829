package io.supportflow.properties;

import io.supportflow.engine.SupportException;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Precheck;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.supportflow.properties.Invariants.check;

/**
 * The engine and the reference model side by side, driven by the same commands, clock moves and restarts. Every
 * step checks the engine's answer and everything it stores against the model (same acceptance or refusal, same
 * error code, same sessions, journals, assignments, loads and indexes) and P4 on the engine alone; the row the
 * model's table enables is checked to be the only one (P7) and recorded for {@link Coverage}. Not thread-safe.
 */
final class Twin implements AutoCloseable {
    private final Lifecycle definition;
    private final Cast cast;
    private final EngineRig rig;
    private final ReferenceModel model;
    private final TestClock clock = new TestClock();
    private final Map<String, AgentProfile> registered = new TreeMap<>();
    private final ModelView view;

    Twin(Lifecycle definition, Cast cast, boolean onPostgres) {
        this.definition = definition;
        this.cast = cast;
        this.model = new ReferenceModel(definition, clock.instant());
        this.view = new ModelView(model, registered);
        this.rig = onPostgres ? EngineRig.onPostgres(definition, clock, event -> { })
                : EngineRig.start(definition, clock, event -> { });
        Statistics.label("lifecycle").collect(definition.name());
        cast.registered().forEach(this::register);
    }

    /** The orders whose session is not in a final state (in the model). */
    Set<String> liveOrders() {
        return model.sessions().stream().filter(s -> !definition.isFinal(s.state())).map(Session::orderId)
                .collect(Collectors.toSet());
    }

    /** Runs {@code command} on both and compares; P4 and P7 on the way. */
    void execute(Command command) {
        compareStep(command, () -> rig.engine().execute(command));
    }

    /** Runs {@code command} with If-Match naming the current version: the same as without it. */
    void executeIfMatch(Command command) {
        long current = modelVersion(command.orderId());
        compareStep(command, () -> rig.engine().execute(command, current));
    }

    /** Runs {@code command} with If-Match naming a version the session is not at: refused, nothing changes (P4). */
    void executeStale(Command command, long offset) {
        long current = modelVersion(command.orderId());
        long stale = current + offset < 0 ? current + 1 : current + offset;
        Snapshot before = engineSnapshot();
        EngineResult actual = EngineResult.of(() -> rig.engine().execute(command, stale));
        check(actual instanceof EngineResult.Refused r && r.refusal().code() == ErrorCode.VERSION_MISMATCH,
                () -> "If-Match " + stale + " on version " + current + ": expected VERSION_MISMATCH, engine gave "
                        + actual);
        check(engineSnapshot().equals(before),
                () -> "P4 violated: a stale If-Match changed the engine's data");
    }

    /** GET /support/{orderId} and GET /support/{orderId}/agent answer as the model says. */
    void read(String orderId) {
        Optional<Session> expected = model.session(orderId);
        EngineResult session = EngineResult.of(() -> rig.engine().get(orderId));
        check(expected.map(s -> session.equals(new EngineResult.Answered(s)))
                        .orElseGet(() -> refusedWith(session, ErrorCode.SUPPORT_NOT_FOUND)),
                () -> "GET " + orderId + ": model has " + expected + ", engine answered " + session);
        Optional<Agent> expectedAgent = expected.map(Session::agent);
        ErrorCode missing = expected.isEmpty() ? ErrorCode.SUPPORT_NOT_FOUND : ErrorCode.AGENT_NOT_FOUND;
        try {
            Agent agent = rig.engine().agent(orderId);
            check(expectedAgent.equals(Optional.of(agent)),
                    () -> "GET " + orderId + "/agent: model has " + expectedAgent + ", engine answered " + agent);
        } catch (SupportException e) {
            check(expectedAgent.isEmpty() && e.code() == missing, () -> "GET " + orderId + "/agent: model has "
                    + expectedAgent + ", engine refused with " + e.code());
        }
    }

    /** Moves the clock on both and fires due idle timers: the same timers fire with the same effects. */
    void advance(Duration step) {
        clock.advance(step);
        List<Outcome> fired = model.advanceClock(step);
        int engineFired = rig.engine().fireDueTimers();
        List<Outcome.Accepted> accepted = fired.stream().filter(Outcome.Accepted.class::isInstance)
                .map(Outcome.Accepted.class::cast).toList();
        check(engineFired == accepted.size(), () -> "after " + step + " the model fired " + accepted.size()
                + " idle timers (" + fired + ") but the engine " + engineFired);
        accepted.forEach(a -> {
            view.track(a);
            Coverage.rowOf(definition, a.entry()).ifPresent(Coverage::fired);
        });
        compareWithModel("after " + step);
    }

    /** Closes the engine and its store and opens them again from the files; nothing may differ. */
    void restart() {
        rig.restart();
        compareWithModel("after a restart");
    }

    /** Marks an agent (un)available on both; an unregistered agent is refused with AGENT_NOT_FOUND. */
    void setAvailable(String agentId, boolean available) {
        AgentProfile profile = registered.get(agentId);
        EngineResult result = EngineResult.of(() -> {
            rig.engine().setAgentAvailable(agentId, available);
            return null;
        });
        if (profile == null) {
            check(refusedWith(result, ErrorCode.AGENT_NOT_FOUND),
                    () -> "unregistered agent " + agentId + ": " + result);
            return;
        }
        register(new AgentProfile(agentId, profile.capacity(), available, profile.agent()));
    }

    /** P1, P2, P3, P5 on the engine's data, and the engine's data equal to the model's. */
    void checkInvariants() {
        Invariants.check(definition, engineSnapshot(), registered);
        compareWithModel("at the end of the step");
    }

    @Override
    public void close() {
        rig.close();
    }

    private void register(AgentProfile profile) {
        registered.put(profile.agentId(), profile);
        model.registerAgent(profile);
        rig.engine().registerAgent(profile);
        check(rig.engine().agents().equals(List.copyOf(registered.values())),
                () -> "registered agents differ: engine " + rig.engine().agents() + ", expected "
                        + registered.values());
    }

    private void compareStep(Command command, Supplier<Session> onEngine) {
        Snapshot before = engineSnapshot();
        Optional<Transition> row = onlyEnabledRow(command);
        Outcome expected = model.apply(command);
        EngineResult actual = EngineResult.of(onEngine);
        Statistics.label("answers").collect(expected instanceof Outcome.Refused r ? "refused " + r.code()
                : expected instanceof Outcome.Accepted ? "accepted" : "no-op");
        Supplier<String> step = () -> Describe.command(command) + ": model " + expected + ", engine " + actual;
        if (expected instanceof Outcome.Refused r) {
            check(refusedWith(actual, r.code()), () -> "different answer to " + step.get());
            check(Objects.equals(((EngineResult.Refused) actual).refusal().paths(), r.paths()),
                    () -> "different error paths for " + step.get());
            check(engineSnapshot().equals(before),
                    () -> "P4 violated: refused " + step.get() + " changed the engine's data");
        } else if (expected instanceof Outcome.Unchanged u) {
            check(actual.equals(new EngineResult.Answered(u.session())), () -> "different answer to " + step.get());
            check(engineSnapshot().equals(before),
                    () -> "P4 violated: no-op " + step.get() + " changed the engine's data");
        } else {
            Outcome.Accepted a = (Outcome.Accepted) expected;
            check(actual.equals(new EngineResult.Answered(a.session())), () -> "different answer to " + step.get());
            acceptedOnce(command.orderId(), a, before, step);
            firedRow(row, a.entry(), step);
            view.track(a);
        }
        compareWithModel("after " + command);
    }

    /** P4: the version advanced by one, one journal entry was appended, and no other order changed. */
    private void acceptedOnce(String orderId, Outcome.Accepted accepted, Snapshot before,
                              Supplier<String> step) {
        Snapshot after = engineSnapshot();
        Snapshot.Order was = before.order(orderId);
        Snapshot.Order is = after.order(orderId);
        List<JournalEntry> expectedJournal = new ArrayList<>(was.journal());
        expectedJournal.add(accepted.entry());
        check(is.version() == was.version() + 1 && is.journal().equals(expectedJournal),
                () -> "P4 violated: accepted " + step.get() + " took version " + was.version() + " to " + is.version()
                        + " and journal " + was.journal().size() + " to " + is.journal().size() + " entries");
        for (String other : cast.orders()) {
            check(other.equals(orderId) || after.order(other).equals(before.order(other)),
                    () -> "P4 violated: accepted " + step.get() + " changed order " + other);
        }
    }

    /** P7: the journal entry is the one enabled row's; a final state is left only by a reopen row. */
    private void firedRow(Optional<Transition> row, JournalEntry entry, Supplier<String> step) {
        check(row.isPresent(), () -> "accepted " + step.get() + " although no row was enabled");
        Transition fired = row.get();
        check(fired.source().equals(entry.from()) && fired.target().equals(entry.to())
                        && fired.effects().equals(entry.effects()),
                () -> "the engine journaled " + entry + " but the enabled row is " + fired.label());
        check(!definition.isFinal(fired.source()) || fired.reopen(),
                () -> "P7 violated: " + fired.label() + " left a final state without being a reopen");
        Coverage.fired(fired);
    }

    /** P7: at most one row is enabled for the command in the model's current configuration. */
    private Optional<Transition> onlyEnabledRow(Command command) {
        Session current = model.session(command.orderId()).orElse(null);
        Precheck precheck = Semantics.precheck(definition, current, command, view, model.now());
        if (!(precheck instanceof Precheck.Proceed proceed)) {
            return Optional.empty();
        }
        List<Transition> enabled = definition.transitionsFrom(proceed.context().state(), proceed.context().event())
                .stream().filter(r -> Semantics.enabled(r, proceed.context())).toList();
        check(enabled.size() <= 1, () -> "P7 violated: " + enabled.size() + " rows enabled for " + command + ": "
                + enabled.stream().map(Transition::label).toList());
        return enabled.stream().findFirst();
    }

    private void compareWithModel(String when) {
        Snapshot engine = engineSnapshot();
        Snapshot expected = Snapshot.of(model, cast.orders(), cast.agents());
        check(engine.equals(expected), () -> "engine differs from the model " + when + ":\n engine " + engine
                + "\n model  " + expected);
    }

    private Snapshot engineSnapshot() {
        return Snapshot.of(rig.engine(), cast.orders(), cast.agents());
    }

    private long modelVersion(String orderId) {
        return model.session(orderId).map(Session::version).orElse(0L);
    }

    private static boolean refusedWith(EngineResult result, ErrorCode code) {
        return result instanceof EngineResult.Refused r && r.refusal().code() == code;
    }
}
