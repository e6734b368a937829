package io.supportflow.spec.model;

/** The result of {@link Semantics#precheck}: either the command is already decided, or it goes to a transition. */
public sealed interface Precheck {

    /** Decided without a transition: refused (bad input, unknown order, actor, no agent to pick) or a no-op. */
    record Done(Outcome outcome) implements Precheck {
    }

    /** Choose a row of the table for {@code context.state()} and {@code context.event()}. */
    record Proceed(GuardContext context) implements Precheck {
    }
}
