package io.supportflow.spec.check;

import io.supportflow.spec.model.Command;

import java.time.Duration;
import java.util.Objects;

/** One step of a counterexample trace: a command on one order, or time passing. */
public sealed interface TraceStep {

    /** One line, e.g. {@code o1: assign a1 by SUPERVISOR -> ASSIGNED}. */
    String render();

    /**
     * {@code command} was run; {@code state} is its order's state afterwards. Replay it with
     * {@link io.supportflow.spec.model.ReferenceModel#apply}.
     */
    record Run(Command command, String state) implements TraceStep {
        public Run {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String render() {
            String agent = command.agent() == null ? "" : " " + command.agent().id();
            return command.orderId() + ": " + name(command) + agent + " by " + command.actor() + " -> " + state;
        }

        private static String name(Command command) {
            return command instanceof Command.AssignNext ? "assignNext" : command.event();
        }
    }

    /**
     * {@code duration} passes without a command: every closed order's reopen window has passed. Replay it with
     * {@link io.supportflow.spec.model.ReferenceModel#advanceClock}.
     */
    record Wait(Duration duration) implements TraceStep {
        public Wait {
            Objects.requireNonNull(duration, "duration");
        }

        @Override
        public String render() {
            return "time passes (" + duration + "): the reopen window of every closed order ends";
        }
    }
}
