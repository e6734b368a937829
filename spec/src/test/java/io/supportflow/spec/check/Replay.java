package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Precheck;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.model.World;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a checker trace on a {@link ReferenceModel} with the bounded agents registered, asserting that every
 * command is accepted into the state the trace names and that waiting fires no idle timer; then tells whether the
 * model's sessions breach P1, P2 or P3.
 */
final class Replay {
    private final Lifecycle definition;
    private final Bounds bounds;
    private final ReferenceModel model;
    private String lastAssigned;

    Replay(Lifecycle definition, Bounds bounds) {
        this.definition = definition;
        this.bounds = bounds;
        this.model = new ReferenceModel(definition, Instant.parse("2026-01-01T00:00:00Z"));
        bounds.agents().forEach(model::registerAgent);
    }

    Replay run(List<TraceStep> steps) {
        steps.forEach(this::run);
        return this;
    }

    void run(TraceStep step) {
        if (step instanceof TraceStep.Wait wait) {
            assertThat(model.advanceClock(wait.duration())).as("idle timers fired while waiting").isEmpty();
            return;
        }
        TraceStep.Run run = (TraceStep.Run) step;
        Outcome outcome = model.apply(run.command());
        assertThat(outcome).as(run.render()).isInstanceOf(Outcome.Accepted.class);
        assertThat(model.session(run.command().orderId()).orElseThrow().state()).isEqualTo(run.state());
        ((Outcome.Accepted) outcome).assignments().stream().filter(Assignment::active)
                .forEach(a -> lastAssigned = a.agentId());
    }

    ReferenceModel model() {
        return model;
    }

    Optional<String> state(String orderId) {
        return model.session(orderId).map(Session::state);
    }

    /** The rows enabled for {@code command} now, by the semantics' own precheck and guards. */
    List<Transition> enabledRows(Command command) {
        Session session = model.session(command.orderId()).orElse(null);
        Precheck pre = Semantics.precheck(definition, session, command, new ModelView(), model.now());
        if (!(pre instanceof Precheck.Proceed proceed)) {
            return List.of();
        }
        return definition.transitionsFrom(proceed.context().state(), command.event()).stream()
                .filter(row -> Semantics.enabled(row, proceed.context()))
                .toList();
    }

    boolean breachesP1() {
        return model.sessions().stream().anyMatch(s -> {
            List<Assignment> active = active(s.orderId());
            boolean consistent = s.agent() == null ? active.isEmpty()
                    : active.size() == 1 && active.get(0).agentId().equals(s.agent().id());
            return definition.holdsAgent(s.state()) != (s.agent() != null) || !consistent;
        });
    }

    boolean breachesP2() {
        return model.sessions().stream().anyMatch(s -> definition.isFinal(s.state())
                && (s.agent() != null || !active(s.orderId()).isEmpty()));
    }

    boolean breachesP3() {
        return IntStream.range(0, bounds.agents().size()).anyMatch(i -> bounds.capacity(i, definition)
                .filter(capacity -> model.agentLoad(bounds.agents().get(i).agentId()) > capacity).isPresent());
    }

    private List<Assignment> active(String orderId) {
        return model.assignments(orderId).stream().filter(Assignment::active).toList();
    }

    /** The model's agents and assignments as the semantics sees them. */
    private final class ModelView implements World {
        @Override
        public Optional<AgentProfile> agent(String agentId) {
            return bounds.agents().stream().filter(p -> p.agentId().equals(agentId)).findFirst();
        }

        @Override
        public List<AgentProfile> agents() {
            return bounds.agents();
        }

        @Override
        public int activeAssignments(String agentId, String exceptOrderId) {
            long own = exceptOrderId == null ? 0
                    : active(exceptOrderId).stream().filter(a -> a.agentId().equals(agentId)).count();
            return model.agentLoad(agentId) - (int) own;
        }

        @Override
        public List<Assignment> activeAssignmentsOf(String orderId) {
            return active(orderId);
        }

        @Override
        public Optional<String> lastAssignedAgent() {
            return Optional.ofNullable(lastAssigned);
        }
    }

    /** Replays {@code trace}; the state of the order its last step ran on (the initial state for an empty trace). */
    static String lastState(Lifecycle definition, Bounds bounds, List<TraceStep> trace) {
        Replay replay = new Replay(definition, bounds).run(trace);
        return trace.stream().filter(TraceStep.Run.class::isInstance).map(s -> ((TraceStep.Run) s).command().orderId())
                .reduce((first, second) -> second)
                .flatMap(replay::state)
                .orElse(definition.initialState());
    }

    static void assertBreachReplays(Lifecycle definition, Bounds bounds, Violation v) {
        if (v.property().equals("P7")) {
            Replay replay = new Replay(definition, bounds).run(v.trace().subList(0, v.trace().size() - 1));
            Command last = ((TraceStep.Run) v.trace().get(v.trace().size() - 1)).command();
            assertThat(replay.enabledRows(last)).as(v.render()).hasSizeGreaterThan(1);
            return;
        }
        Replay replay = new Replay(definition, bounds).run(v.trace());
        boolean breached = switch (v.property()) {
            case "P1" -> replay.breachesP1();
            case "P2" -> replay.breachesP2();
            default -> replay.breachesP3();
        };
        assertThat(breached).as(v.render()).isTrue();
    }
}
