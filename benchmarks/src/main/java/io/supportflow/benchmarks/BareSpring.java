package io.supportflow.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;

import java.util.HashMap;

/**
 * Baseline: bare Spring Statemachine in memory with one reused machine per client: restore the order's state from a
 * map (Spring's persister: stop, reset, start), send the event, persist the state back to the map.
 */
@State(Scope.Thread)
public class BareSpring {
    private final StateMachine<String, String> machine = SpringLifecycle.newMachine();
    private final StateMachinePersister<String, String, String> persister =
            new DefaultStateMachinePersister<>(new StateMapPersist(new HashMap<>(), () -> { }));

    void handle(String orderId, String event) throws Exception {
        persister.restore(machine, orderId);
        SpringLifecycle.send(machine, event);
        persister.persist(machine, orderId);
    }
}
