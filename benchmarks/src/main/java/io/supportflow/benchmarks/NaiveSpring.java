package io.supportflow.benchmarks;

import org.mapdb.DB;
import org.mapdb.Serializer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;

import java.nio.file.Path;

/**
 * Baseline: the naive Spring-per-entity pattern. Every command builds a Spring machine from its configuration,
 * restores the order's state from a MapDB map, sends the event, persists the state and commits (one fsync per
 * command, acknowledged after it). It stores only the state name, fewer bytes than supportflow stores, which can
 * only make this baseline faster. Shared by all client threads, as one application would share its database.
 */
@State(Scope.Benchmark)
public class NaiveSpring {
    private Path directory;
    private DB db;
    private StateMachinePersister<String, String, String> persister;

    @Setup(Level.Trial)
    public void open() {
        directory = ScratchDirectory.create("naive-spring");
        db = MapDbMode.open(directory.resolve("states.db"));
        persister = new DefaultStateMachinePersister<>(new StateMapPersist(
                db.treeMap("states", Serializer.STRING, Serializer.STRING).createOrOpen(), db::commit));
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
        ScratchDirectory.delete(directory);
    }

    void handle(String orderId, String event) throws Exception {
        StateMachine<String, String> machine = SpringLifecycle.newMachine();
        persister.restore(machine, orderId);
        SpringLifecycle.send(machine, event);
        persister.persist(machine, orderId);
        machine.stopReactively().block();
    }
}
