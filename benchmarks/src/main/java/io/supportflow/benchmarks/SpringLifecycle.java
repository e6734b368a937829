package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.States;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Set;

/**
 * The standard lifecycle written directly against Spring Statemachine, the way an application without supportflow
 * would: states and events as strings, no guards, no effects. Used by the Spring baselines only.
 */
final class SpringLifecycle {

    private SpringLifecycle() {
    }

    /** A new, not yet started machine in {@link States#NONE}. */
    static StateMachine<String, String> newMachine() {
        try {
            StateMachineBuilder.Builder<String, String> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            builder.configureStates().withStates()
                    .initial(States.NONE)
                    .states(Set.of(States.NONE, States.OPEN, States.ASSIGNED, States.CLOSED));
            builder.configureTransitions()
                    .withExternal().source(States.NONE).target(States.OPEN).event(Events.OPEN).and()
                    .withExternal().source(States.CLOSED).target(States.OPEN).event(Events.OPEN).and()
                    .withInternal().source(States.OPEN).event(Events.UPDATE).and()
                    .withInternal().source(States.ASSIGNED).event(Events.UPDATE).and()
                    .withExternal().source(States.OPEN).target(States.ASSIGNED).event(Events.ASSIGN).and()
                    .withInternal().source(States.ASSIGNED).event(Events.ASSIGN).and()
                    .withExternal().source(States.ASSIGNED).target(States.OPEN).event(Events.UNASSIGN).and()
                    .withExternal().source(States.OPEN).target(States.CLOSED).event(Events.CLOSE).and()
                    .withExternal().source(States.ASSIGNED).target(States.CLOSED).event(Events.CLOSE);
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("the Spring baseline machine does not build", e);
        }
    }

    /** Puts a machine, running or not, into {@code state} without running any transition. */
    static void reset(StateMachine<String, String> machine, String state) {
        machine.getStateMachineAccessor().doWithAllRegions(region -> region.resetStateMachineReactively(
                new DefaultStateMachineContext<>(state, null, null, null)).block());
    }

    /**
     * Sends {@code event} to a started machine and waits for it to be processed.
     *
     * @throws IllegalStateException if the machine did not accept the event (a benchmark must not measure refusals)
     */
    static void send(StateMachine<String, String> machine, String event) {
        List<StateMachineEventResult<String, String>> results =
                machine.sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).collectList().block();
        boolean accepted = results != null && !results.isEmpty() && results.stream()
                .allMatch(r -> r.getResultType() == StateMachineEventResult.ResultType.ACCEPTED);
        if (!accepted) {
            throw new IllegalStateException("event " + event + " refused in state " + machine.getState().getId());
        }
    }
}
