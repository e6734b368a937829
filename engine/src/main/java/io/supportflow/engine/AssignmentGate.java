package io.supportflow.engine;

import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.model.Command;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps agent capacity (P3) under concurrency: a command that may start an assignment reads agent loads, decides and
 * commits while no other command that may start an assignment of the same agent does. A command naming its agent
 * holds that agent's lock (and the shared side of the pickers' lock); a command the strategy picks an agent for
 * (assignNext, auto-assign on open) holds the exclusive side, since any agent may be picked. Commands without an
 * agent pass straight through. Always taken inside the order's lock, held until the commit is durable.
 *
 * <p>What guards what: {@code pickers} (write side) guards every agent's load against pickers; an agent's lock in
 * {@code agents} under the read side of {@code pickers} guards that agent's load against other commands naming it.
 * Lock order is always order lock, then {@code pickers}, then the agent's lock, and no body takes the gate again, so
 * no cycle can form. Single process: the gate orders the commands of one JVM only; it is no guard against another
 * process committing on the same store.
 */
final class AssignmentGate {
    private final Policies policies;
    private final ReentrantReadWriteLock pickers = new ReentrantReadWriteLock();
    private final KeyedLocks agents = new KeyedLocks();

    AssignmentGate(Policies policies) {
        this.policies = policies;
    }

    <T> T around(Command command, Supplier<T> body) {
        if (picksAgent(command)) {
            return holding(pickers.writeLock(), body);
        }
        String agentId = command.agent() == null ? null : command.agent().id();
        if (agentId == null) {
            return body.get();
        }
        return holding(pickers.readLock(), () -> agents.withLock(agentId, body));
    }

    private boolean picksAgent(Command command) {
        boolean automatic = policies.assignment() != AssignmentStrategy.EXPLICIT;
        return command instanceof Command.AssignNext
                || automatic && policies.autoAssignOnOpen() && command instanceof Command.Open && command.agent() == null;
    }

    private static <T> T holding(Lock lock, Supplier<T> body) {
        lock.lock();
        try {
            return body.get();
        } finally {
            lock.unlock();
        }
    }
}
