package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.govstack.Violation;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** What is decided before a row is chosen. */
final class Prechecks {

    private Prechecks() {
    }

    static Precheck run(Lifecycle d, Session current, Command command, World world, Instant now) {
        Optional<Outcome.Refused> refused = badInput(current, command)
                .or(() -> unknownOrder(d, current, command))
                .or(() -> notPermitted(d, command));
        if (refused.isPresent()) {
            return new Precheck.Done(refused.get());
        }
        String state = current == null ? d.initialState() : current.state();
        if (d.ignores(state, command.event())) {
            return new Precheck.Done(new Outcome.Unchanged(current));
        }
        return resolveAgent(d, current, command, world, now);
    }

    private static Optional<Outcome.Refused> badInput(Session current, Command command) {
        Agent agent = command.agent();
        if (agent != null && (agent.id() == null || agent.id().isBlank())) {
            return Optional.of(Refusals.of(ErrorCode.AGENT_ID_REQUIRED,
                    "order " + command.orderId() + ": an agent needs an id", "agent.id"));
        }
        List<Violation> violations = violations(command);
        if (!violations.isEmpty()) {
            return Optional.of(Refusals.of(ErrorCode.INVALID_INPUT, "order " + command.orderId() + ": "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
                    violations.stream().map(Violation::path).distinct().collect(Collectors.joining(", "))));
        }
        if (command instanceof Command.Update && agent != null && !sameAgent(current, agent)) {
            return Optional.of(Refusals.of(ErrorCode.AGENT_CHANGE_NOT_ALLOWED,
                    "order " + command.orderId() + ": PUT /support/{orderId} cannot change the agent", "agent"));
        }
        return Optional.empty();
    }

    private static List<Violation> violations(Command command) {
        List<Violation> all = new ArrayList<>(Validation.orderId(command.orderId()));
        if (!all.isEmpty()) {
            return all;
        }
        if (command instanceof Command.Open open) {
            all.addAll(Validation.support(open.body(), open.orderId()));
        } else if (command instanceof Command.Update update) {
            all.addAll(Validation.support(update.body(), update.orderId()));
        } else {
            all.addAll(Validation.agent(command.agent()));
        }
        return all;
    }

    private static boolean sameAgent(Session current, Agent agent) {
        return current != null && current.agent() != null && Objects.equals(current.agent().id(), agent.id());
    }

    private static Optional<Outcome.Refused> unknownOrder(Lifecycle d, Session current, Command command) {
        if (current == null && d.transitionsFrom(d.initialState(), command.event()).isEmpty()) {
            return Optional.of(Refusals.of(ErrorCode.SUPPORT_NOT_FOUND,
                    "order " + command.orderId() + " has no support session"));
        }
        return Optional.empty();
    }

    private static Optional<Outcome.Refused> notPermitted(Lifecycle d, Command command) {
        if (d.policies().permits(command.actor(), command.event())) {
            return Optional.empty();
        }
        return Optional.of(Refusals.of(ErrorCode.ACTOR_NOT_PERMITTED,
                command.actor() + " may not fire " + command.event()));
    }

    private static Precheck resolveAgent(Lifecycle d, Session current, Command command, World world, Instant now) {
        GuardContext given = new GuardContext(d, current, command, effectiveAgent(command.agent(), world), world, now);
        AssignmentStrategy strategy = d.policies().assignment();
        if (command instanceof Command.AssignNext) {
            if (strategy == AssignmentStrategy.EXPLICIT) {
                return new Precheck.Done(Refusals.of(ErrorCode.EXPLICIT_ASSIGNMENT_ONLY,
                        "order " + command.orderId() + ": the assignment strategy is explicit"));
            }
            return AgentPicker.pick(strategy, given)
                    .<Precheck>map(agent -> new Precheck.Proceed(withAgent(given, agent)))
                    .orElseGet(() -> new Precheck.Done(Refusals.of(ErrorCode.NO_AGENT_AVAILABLE,
                            "order " + command.orderId() + ": no registered agent is available and eligible")));
        }
        if (command instanceof Command.Open && given.agent() == null && d.policies().autoAssignOnOpen()
                && strategy != AssignmentStrategy.EXPLICIT) {
            return new Precheck.Proceed(AgentPicker.pick(strategy, given).map(a -> withAgent(given, a)).orElse(given));
        }
        return new Precheck.Proceed(given);
    }

    /**
     * A registered agent is assigned with its registered details, whatever the command says of it, so that a
     * command cannot claim a rating (or other detail) the registry does not give the agent.
     */
    private static Agent effectiveAgent(Agent agent, World world) {
        if (agent == null) {
            return null;
        }
        return world.agent(agent.id()).map(AgentProfile::agent).orElse(agent);
    }

    private static GuardContext withAgent(GuardContext c, Agent agent) {
        return new GuardContext(c.definition(), c.session(), c.command(), agent, c.world(), c.now());
    }
}
