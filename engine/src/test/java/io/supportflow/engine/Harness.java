package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An engine with manual scheduling, a test clock and a listener that records what it is given. */
final class Harness implements AutoCloseable {
    final MutableClock clock;
    final List<TransitionEvent> delivered = new CopyOnWriteArrayList<>();
    final SupportEngine engine;

    private Harness(Lifecycle lifecycle, SupportStore store, MutableClock clock) {
        this.clock = clock;
        this.engine = SupportEngine.builder().lifecycle(lifecycle).store(store).clock(clock)
                .listener(delivered::add).manualScheduling().build();
    }

    /** The engine on a MapDB store in {@code directory}. */
    static Harness onDisk(Path directory, Lifecycle lifecycle) {
        return new Harness(lifecycle, Stores.openMapDb(directory), new MutableClock(Fixtures.T0));
    }

    @Override
    public void close() {
        engine.close();
    }
}
