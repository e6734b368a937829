package io.supportflow.engine;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.GuardContext;
import io.supportflow.spec.model.Semantics;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The only class that touches Spring Statemachine: a Spring {@code StateMachine<String, String>} built from a
 * lifecycle definition, with the definition's states (no Spring end states: reopen rows leave final states) and one
 * transition per row: internal for a row that stays in its state (nothing to exit or enter), external otherwise. A
 * row's Spring guard holds when the row is the first enabled row of its (state, event) in table order
 * ({@link Semantics#enabled}); its action records the row. So Spring chooses the row; the caller applies its effects.
 *
 * <p>Not thread-safe: one caller at a time ({@link MachinePool} lends machines out exclusively). The machine keeps no
 * session data between calls: every {@link #choose} restores it to the state it is asked about.
 */
final class LifecycleMachine {
    private static final String FIRING_HEADER = "supportflow.firing";

    private final Lifecycle definition;
    private final StateMachine<String, String> machine;
    private boolean started;

    private LifecycleMachine(Lifecycle definition, StateMachine<String, String> machine) {
        this.definition = definition;
        this.machine = machine;
        withoutAnnotationHandlers(machine);
    }

    /**
     * Spring looks up {@code @OnTransition}-style annotated handlers under the machine's bean name on every
     * notification (several per event, each compiling a regular expression); a machine built outside an application
     * context has none. Without a bean name Spring skips the look-up; nothing else reads the name.
     */
    private static void withoutAnnotationHandlers(StateMachine<String, String> machine) {
        if (machine instanceof BeanNameAware named) {
            named.setBeanName(null);
        }
    }

    /** A stopped machine for {@code definition}. */
    static LifecycleMachine of(Lifecycle definition) {
        StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
        try {
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            builder.configureStates().withStates()
                    .initial(definition.initialState())
                    .states(new LinkedHashSet<>(definition.states()));
            configureRows(definition, builder.configureTransitions());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "lifecycle " + definition.name() + " cannot be built as a Spring machine", e);
        }
        return new LifecycleMachine(definition, builder.build());
    }

    private static void configureRows(Lifecycle definition, StateMachineTransitionConfigurer<String, String> rows)
            throws Exception {
        List<Transition> table = definition.transitions();
        for (int i = 0; i < table.size(); i++) {
            Transition row = table.get(i);
            List<Transition> earlier = table.subList(0, i).stream()
                    .filter(t -> t.source().equals(row.source()) && t.event().equals(row.event()))
                    .toList();
            Guard<String, String> guard = context -> firing(context).firstEnabled(row, earlier);
            Action<String, String> action = context -> firing(context).fired(row);
            if (row.source().equals(row.target())) {
                rows.withInternal().source(row.source()).event(row.event()).guard(guard).action(action);
            } else {
                rows.withExternal().source(row.source()).target(row.target()).event(row.event()).guard(guard)
                        .action(action);
            }
        }
    }

    private static Firing firing(StateContext<String, String> context) {
        return (Firing) context.getMessageHeader(FIRING_HEADER);
    }

    /**
     * The row Spring fires for {@code context.event()} in {@code context.state()}, or empty when no row is enabled.
     * Nothing is stored; the machine is left in the row's target state.
     *
     * @throws IllegalStateException if the state is not one of the definition's, or Spring reports a machine error
     * @throws RuntimeException      whatever a guard threw while reading the world (e.g. the store is closed)
     */
    Optional<Transition> choose(GuardContext context) {
        restore(context.state());
        Firing firing = new Firing(context);
        Message<String> message = MessageBuilder.withPayload(context.event()).setHeader(FIRING_HEADER, firing).build();
        List<StateMachineEventResult<String, String>> results = machine.sendEventCollect(Mono.just(message)).block();
        firing.rethrowGuardFailure();
        if (machine.hasStateMachineError()) {
            throw new IllegalStateException("Spring state machine error for lifecycle " + definition.name());
        }
        if (firing.row() != null && !accepted(results)) {
            throw new IllegalStateException("Spring fired " + firing.row().label() + " but denied the event");
        }
        return Optional.ofNullable(firing.row());
    }

    /** Stops the machine; a later {@link #choose} starts it again. */
    void stop() {
        machine.stopReactively().block();
        started = false;
    }

    /**
     * Puts the running machine in {@code state}. Spring's reset only sets the current state (no exit or entry runs,
     * and this machine has no state actions, extended state or timers), so the machine is started once and never
     * stopped between commands, and a machine already in {@code state} (where the previous event left it) is not
     * reset at all.
     */
    private void restore(String state) {
        if (!definition.states().contains(state)) {
            throw new IllegalStateException("state " + state + " is not declared by lifecycle " + definition.name());
        }
        if (!started) {
            machine.startReactively().block();
            started = true;
        }
        if (state.equals(current())) {
            return;
        }
        machine.getStateMachineAccessor().doWithAllRegions(access -> access
                .resetStateMachineReactively(new DefaultStateMachineContext<>(state, null, null, null)).block());
        String restored = current();
        if (!state.equals(restored)) {
            throw new IllegalStateException("Spring machine restored to " + restored + " instead of " + state);
        }
    }

    private String current() {
        return machine.getState() == null ? null : machine.getState().getId();
    }

    private static boolean accepted(List<StateMachineEventResult<String, String>> results) {
        return results != null && results.stream()
                .anyMatch(r -> r.getResultType() == StateMachineEventResult.ResultType.ACCEPTED);
    }

    /**
     * One event's trip through the machine: the guard context in, the fired row out. Spring catches and hides guard
     * exceptions (a throwing guard reads as false), so the first one is kept here and rethrown to the caller.
     */
    private static final class Firing {
        private final GuardContext context;
        private Transition row;
        private RuntimeException guardFailure;

        Firing(GuardContext context) {
            this.context = context;
        }

        boolean firstEnabled(Transition candidate, List<Transition> earlier) {
            try {
                return Semantics.enabled(candidate, context)
                        && earlier.stream().noneMatch(t -> Semantics.enabled(t, context));
            } catch (RuntimeException e) {
                if (guardFailure == null) {
                    guardFailure = e;
                }
                return false;
            }
        }

        void fired(Transition fired) {
            row = fired;
        }

        Transition row() {
            return row;
        }

        void rethrowGuardFailure() {
            if (guardFailure != null) {
                throw guardFailure;
            }
        }
    }
}
