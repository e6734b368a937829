package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.States;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.support.DefaultStateMachineContext;

import java.util.Map;

/**
 * Spring's persistence hook over a map from order id to state name, with an action after each write (a MapDB
 * commit for the durable baseline). An order never written reads as {@link States#NONE}. Thread-safe when the map is.
 */
final class StateMapPersist implements StateMachinePersist<String, String, String> {
    private final Map<String, String> states;
    private final Runnable afterWrite;

    StateMapPersist(Map<String, String> states, Runnable afterWrite) {
        this.states = states;
        this.afterWrite = afterWrite;
    }

    @Override
    public void write(StateMachineContext<String, String> context, String orderId) {
        states.put(orderId, context.getState());
        afterWrite.run();
    }

    @Override
    public StateMachineContext<String, String> read(String orderId) {
        return new DefaultStateMachineContext<>(states.getOrDefault(orderId, States.NONE), null, null, null);
    }
}
