package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.StoreAccessException;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.GuardContext;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Precheck;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.model.World;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The command pipeline, under the order's lock (and the {@link AssignmentGate}): load the session, check If-Match,
 * {@link Semantics#precheck}, let a pooled Spring machine choose the row, {@link Semantics#apply} it (or explain the
 * refusal), commit through the group committer, and only then answer. A refusal changes nothing (P4).
 *
 * <p>The order's lock and the gate hold within this process only. A commit the store refuses as stale lost a race
 * with another writer of the store (another engine process on a shared store): the pipeline runs again from the load,
 * so the command is decided on what that writer stored, at most {@value #ATTEMPTS} times in all, each retry after a
 * short random pause (so that writers hammering one order from several processes spread out instead of colliding
 * again) and logged at DEBUG. A client sees the answer of the command on the current session, never the lost race.
 */
final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SupportEngine.class);
    /** Decisions per command: the first and the retries after lost races. */
    static final int ATTEMPTS = 16;
    /** The longest pause before a retry; the n-th retry pauses a random time below min(2^n, this) milliseconds. */
    private static final long MAX_BACKOFF_MILLIS = 64;

    private final Lifecycle definition;
    private final SupportStore store;
    private final World world;
    private final Clock clock;
    private final KeyedLocks orders = new KeyedLocks();
    private final AssignmentGate gate;
    private final MachinePool pool;
    private final GroupCommitter committer;
    private final Runnable afterCommit;
    private final EngineMetrics metrics;

    CommandRunner(Lifecycle definition, SupportStore store, Clock clock, MachinePool pool, Runnable afterCommit,
                  EngineMetrics metrics) {
        this.definition = definition;
        this.store = store;
        this.world = Stores.world(store);
        this.clock = clock;
        this.gate = new AssignmentGate(definition.policies());
        this.pool = pool;
        this.committer = new GroupCommitter(metrics.measuringWrites(store));
        this.afterCommit = afterCommit;
        this.metrics = metrics;
    }

    /**
     * Runs {@code command}; returns the session after it (unchanged for a no-op).
     *
     * @param expectedVersion when present, the command is refused unless the session is at this version (0: none)
     * @throws SupportException for every refusal
     */
    Session execute(Command command, OptionalLong expectedVersion) {
        String commandId = UUID.randomUUID().toString();
        return metrics.command(command.event(), () -> orders.withLock(command.orderId(), () -> gate.around(command,
                () -> retrying(command, () -> {
                    Session current = store.load(command.orderId()).orElse(null);
                    expectedVersion.ifPresent(expected -> checkVersion(command, current, expected));
                    return decide(current, command, commandId);
                }))));
    }

    /**
     * Fires the idle timer of {@code orderId} if its deadline, read under the order's lock, is at or before
     * {@code now}; empty when it is no longer due (activity moved it, or the session closed).
     *
     * @throws SupportException if the lifecycle refuses the timeout
     */
    Optional<Session> fireTimer(String orderId, Instant now) {
        Command timeout = new Command.IdleTimeout(orderId);
        String commandId = UUID.randomUUID().toString();
        return metrics.command(timeout.event(), () -> orders.withLock(orderId, () -> gate.around(timeout,
                () -> retrying(timeout, () -> {
                    Session current = store.load(orderId).orElse(null);
                    if (current == null || current.idleDeadline() == null || current.idleDeadline().isAfter(now)) {
                        return EngineMetrics.Decided.notRun(Optional.<Session>empty());
                    }
                    return decide(current, timeout, commandId).map(Optional::of);
                }))));
    }

    /**
     * Runs {@code attempt} again while its commit is refused as stale or turns out not stored, {@value #ATTEMPTS}
     * times at most.
     */
    private <T> T retrying(Command command, Supplier<T> attempt) {
        for (int retry = 1; ; retry++) {
            try {
                return attempt.get();
            } catch (StaleVersionException | NotStored lost) {
                if (retry == ATTEMPTS) {
                    throw refuse(command, SupportException.explain(ErrorCode.VERSION_MISMATCH, "order "
                            + command.orderId() + ": other writers changed the session " + ATTEMPTS + " times while"
                            + " this command was decided (last: " + lost.getMessage() + ")", null));
                }
                LOG.debug("order {}: {} lost a race at commit ({}), deciding again, retry {}", command.orderId(),
                        command.event(), lost.getMessage(), retry);
                long bound = Math.min(1L << retry, MAX_BACKOFF_MILLIS);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(bound)));
            }
        }
    }

    /** Orders with a command running or waiting. */
    int lockedOrders() {
        return orders.size();
    }

    private EngineMetrics.Decided<Session> decide(Session current, Command command, String commandId) {
        Precheck precheck = Semantics.precheck(definition, current, command, new MemoizedWorld(world),
                clock.instant());
        Outcome outcome = precheck instanceof Precheck.Proceed proceed
                ? choose(proceed.context())
                : ((Precheck.Done) precheck).outcome();
        if (outcome instanceof Outcome.Accepted accepted) {
            commit(accepted, commandId);
            return EngineMetrics.Decided.accepted(accepted.session());
        }
        if (outcome instanceof Outcome.Unchanged unchanged) {
            LOG.debug("order {}: {} by {} is a no-op in state {}", command.orderId(), command.event(),
                    command.actor(), unchanged.session().state());
            return EngineMetrics.Decided.unchanged(unchanged.session());
        }
        Outcome.Refused refused = (Outcome.Refused) outcome;
        throw refuse(command, SupportException.of(refused.code(), refused.message(), refused.paths()));
    }

    private Outcome choose(GuardContext context) {
        return pool.withMachine(machine -> machine.choose(context))
                .<Outcome>map(row -> Semantics.apply(row, context))
                .orElseGet(() -> Semantics.refusal(context));
    }

    /**
     * Returns once {@code accepted} is durable. A commit whose outcome the store could not tell is looked up by its
     * command id: stored, it stands; not stored, the command is decided again. A {@link StaleVersionException} or
     * {@link NotStored} is for {@link #retrying}.
     */
    private void commit(Outcome.Accepted accepted, String commandId) {
        try {
            committer.commit(Commit.of(accepted).withCapacities(capacities(accepted)).withCommandId(commandId));
        } catch (StoreAccessException e) {
            if (!e.outcomeUnknown()) {
                throw e;
            }
            Session session = accepted.session();
            Optional<Long> stored = store.committedVersion(session.orderId(), commandId);
            LOG.debug("order {}: the outcome of commit {} was unknown ({}); the store has it: {}", session.orderId(),
                    commandId, e.getMessage(), stored.isPresent());
            if (stored.isEmpty()) {
                throw new NotStored(session.orderId(), e);
            }
        }
        JournalEntry entry = accepted.entry();
        LOG.debug("order {}: {} {} -> {} by {}, version {}", entry.orderId(), entry.event(), entry.from(), entry.to(),
                entry.actor(), entry.version());
        afterCommit.run();
    }

    /**
     * The capacity of each agent an assignment of {@code accepted} holds (ACTIVE), when it has one: the store checks
     * it again inside the commit, so that P3 holds against other engines on the same store, which this process's
     * {@link AssignmentGate} cannot see.
     */
    private Map<String, Integer> capacities(Outcome.Accepted accepted) {
        Map<String, Integer> capacities = new HashMap<>();
        accepted.assignments().stream().filter(Assignment::active).forEach(a -> {
            Integer capacity = world.agent(a.agentId()).map(AgentProfile::capacity)
                    .orElse(definition.policies().agentCapacity());
            if (capacity != null) {
                capacities.put(a.agentId(), capacity);
            }
        });
        return capacities;
    }

    /** A commit whose outcome was unknown turned out not stored: decide the command again. */
    private static final class NotStored extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotStored(String orderId, Throwable cause) {
            super("order " + orderId + ": the commit was not stored", cause);
        }
    }

    private void checkVersion(Command command, Session current, long expected) {
        long actual = current == null ? 0 : current.version();
        if (actual != expected) {
            throw refuse(command, SupportException.explain(ErrorCode.VERSION_MISMATCH, "order " + command.orderId()
                    + ": If-Match names version " + expected + " but the session is at version " + actual, null));
        }
    }

    private static SupportException refuse(Command command, SupportException refusal) {
        LOG.info("order {}: {} by {} refused, {}: {}", command.orderId(), command.event(), command.actor(),
                refusal.code(), refusal.getMessage());
        return refusal;
    }
}
