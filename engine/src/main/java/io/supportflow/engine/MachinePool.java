package io.supportflow.engine;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A bounded pool of {@link LifecycleMachine}s for one definition, built lazily: at most {@code size} machines ever
 * live at once, however many sessions exist. A machine is lent to one caller at a time; a caller that finds every
 * machine lent out waits. A machine whose use threw is discarded (Spring may have been left mid-transition).
 *
 * <p>What guards what: {@code permits} bounds the machines lent out at once, and so the machines built; a machine is
 * in {@code idle} or lent to exactly one caller, never both ({@code idle} is a concurrent queue: poll hands it out
 * once). {@code live} only counts.
 */
final class MachinePool implements AutoCloseable {
    private final Lifecycle definition;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<LifecycleMachine> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger live = new AtomicInteger();

    MachinePool(Lifecycle definition, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("machine pool size must be at least 1: " + size);
        }
        this.definition = definition;
        this.size = size;
        this.permits = new Semaphore(size);
    }

    /** Applies {@code use} to a machine lent exclusively for the call. */
    <T> T withMachine(Function<LifecycleMachine, T> use) {
        permits.acquireUninterruptibly();
        try {
            LifecycleMachine machine = borrow();
            T result;
            try {
                result = use.apply(machine);
            } catch (RuntimeException | Error e) {
                live.decrementAndGet();
                throw e;
            }
            idle.add(machine);
            return result;
        } finally {
            permits.release();
        }
    }

    private LifecycleMachine borrow() {
        LifecycleMachine machine = idle.poll();
        if (machine != null) {
            return machine;
        }
        machine = LifecycleMachine.of(definition);
        live.incrementAndGet();
        return machine;
    }

    /** Machines built and not discarded. */
    int live() {
        return live.get();
    }

    int size() {
        return size;
    }

    /** Stops the idle machines; call once no caller uses the pool. */
    @Override
    public void close() {
        for (LifecycleMachine machine = idle.poll(); machine != null; machine = idle.poll()) {
            machine.stop();
            live.decrementAndGet();
        }
    }
}
