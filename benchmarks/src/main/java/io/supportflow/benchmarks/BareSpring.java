package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.States;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.springframework.statemachine.StateMachine;

import java.util.HashMap;
import java.util.Map;

/**
 * Baseline: bare Spring Statemachine in memory with one started machine reused by a client: restore the order's
 * state into the running machine (reset through its accessor, no stop and start), send the event, persist the new
 * state to a map. The cheapest correct restore → sendEvent → persist Spring offers.
 */
@State(Scope.Thread)
public class BareSpring {
    private final StateMachine<String, String> machine = SpringLifecycle.newMachine();
    private final Map<String, String> states = new HashMap<>();

    public BareSpring() {
        machine.startReactively().block();
    }

    void handle(String orderId, String event) {
        SpringLifecycle.reset(machine, states.getOrDefault(orderId, States.NONE));
        SpringLifecycle.send(machine, event);
        states.put(orderId, machine.getState().getId());
    }
}
