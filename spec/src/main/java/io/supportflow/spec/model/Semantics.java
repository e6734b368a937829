package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meaning of one command under a lifecycle, as pure functions: the reference model, the model checker and the
 * engine's Spring machine all call these, so guards and effects are written once. Only the choice of the row
 * differs: the reference model scans the table ({@link #step}), the engine lets Spring Statemachine choose.
 * Nothing here mutates its arguments.
 */
public final class Semantics {

    private Semantics() {
    }

    /**
     * Everything decided before a row is chosen, in this order: input validation (400), unknown order (404 unless
     * the event may leave the initial state), actor permission (403), declared no-op, agent resolution for
     * assignNext and auto-assign on open (422 when nobody is eligible).
     */
    public static Precheck precheck(Lifecycle definition, Session current, Command command, World world, Instant now) {
        return Prechecks.run(definition, current, command, world, now);
    }

    /** Whether {@code guard} holds in {@code context}. Pure. */
    public static boolean holds(Guard guard, GuardContext context) {
        return Guards.holds(guard, context);
    }

    /**
     * Whether every guard of {@code row} holds in {@code context} and, when the row assigns ({@link Effect#ASSIGN}),
     * the command carries an agent: an assigning row whose guards do not require one is refused with
     * {@code AGENT_REQUIRED} rather than applied without an agent.
     */
    public static boolean enabled(Transition row, GuardContext context) {
        for (Guard guard : row.guards()) {
            if (!holds(guard, context)) {
                return false;
            }
        }
        return hasAgentIfAssigning(row, context);
    }

    private static boolean hasAgentIfAssigning(Transition row, GuardContext context) {
        return context.agent() != null || !row.effects().contains(Effect.ASSIGN);
    }

    /**
     * Applies {@code row} (already chosen, its guards holding) to the session in {@code context}: the new session
     * (version + 1, timers re-armed), its journal entry and the assignments started or ended.
     */
    public static Outcome.Accepted apply(Transition row, GuardContext context) {
        Command command = context.command();
        Support body = command instanceof Command.Open open ? open.body()
                : command instanceof Command.Update update ? update.body() : null;
        Effects.Step step = new Effects.Step(command.orderId(), row.event(), row.source(), row.target(), row.effects(),
                command.actor(), context.now(), body, context.agent());
        List<Assignment> active = Effects.endsAssignments(row.effects())
                ? context.world().activeAssignmentsOf(command.orderId()) : List.of();
        return Effects.apply(context.definition(), context.session(), active, step);
    }

    /**
     * Why no row was enabled: no row for (state, event) gives a 409 (SESSION_ALREADY_OPEN, SESSION_CLOSED or
     * ILLEGAL_TRANSITION); otherwise the failing guard of the row that passed most guards (ties in table order), or
     * AGENT_REQUIRED when that row passed all its guards but assigns and the command carries no agent.
     */
    public static Outcome.Refused refusal(GuardContext context) {
        return Refusals.noRowEnabled(context);
    }

    /** The reference step: precheck, then the first enabled row in table order (P7 makes it the only one). */
    public static Outcome step(Lifecycle definition, Session current, Command command, World world, Instant now) {
        Precheck pre = precheck(definition, current, command, world, now);
        if (pre instanceof Precheck.Done done) {
            return done.outcome();
        }
        GuardContext context = ((Precheck.Proceed) pre).context();
        for (Transition row : definition.transitionsFrom(context.state(), context.event())) {
            if (enabled(row, context)) {
                return apply(row, context);
            }
        }
        return refusal(context);
    }

    /** Rebuilds a session and its assignments from its journal, applying the recorded effects (no guards). */
    public static Replayed replay(Lifecycle definition, List<JournalEntry> journal) {
        Session session = null;
        Map<Long, Assignment> all = new LinkedHashMap<>();
        for (JournalEntry e : journal) {
            List<Assignment> active = all.values().stream().filter(Assignment::active).toList();
            Outcome.Accepted step = Effects.apply(definition, session, active, new Effects.Step(e.orderId(), e.event(),
                    e.from(), e.to(), e.effects(), e.actor(), e.at(), e.body(), e.agent()));
            session = step.session();
            step.assignments().forEach(a -> all.put(a.startVersion(), a));
        }
        return new Replayed(session, List.copyOf(all.values()));
    }
}
