package io.supportflow.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.supportflow.engine.internal.Paging;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.govstack.Violation;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The engine: runs every order's support session as a persisted state machine of one lifecycle definition. The one
 * public entry point of the runtime; build it with {@link #builder()}.
 *
 * <p><b>Commands</b> ({@link #open}, {@link #update}, {@link #close(String, Actor)}, {@link #assign},
 * {@link #unassign}, {@link #assignNext}, {@link #fire}, {@link #execute}) return the session after the command, or
 * the unchanged session for an idempotent no-op, once the change is durable in the store. Every refusal throws a
 * {@link SupportException} subclass carrying its GovStack error code, and then nothing has changed. A Spring state
 * machine from a small bounded pool chooses the transition; guards and effects are the spec's {@code Semantics}.
 *
 * <p><b>Concurrency</b>: thread-safe. Commands on one order run one at a time (some serial order, no lost update);
 * commands on different orders run in parallel and share durable writes (group commit). Commands that may start an
 * assignment also serialise per agent (or globally, when the assignment strategy picks the agent), so agent capacity
 * holds under concurrency.
 *
 * <p><b>Timers and outbox</b>: idle deadlines are stored with the session and fire through
 * {@link #fireDueTimers()}; accepted transitions are stored in an outbox and delivered to the
 * {@link TransitionListener}s by {@link #deliverOutbox()}. By default background threads call both; with
 * {@link Builder#manualScheduling()} only the caller does (tests move the clock instead of sleeping). Both resume
 * after a restart from what the store holds.
 *
 * <p>Null arguments throw {@link NullPointerException}. After {@link #close()} every method throws
 * {@link IllegalStateException}.
 */
public final class SupportEngine implements AutoCloseable {
    /** Timers claimed at most per {@link #fireDueTimers()} call (the background thread calls it every poll). */
    static final int TIMER_BATCH = 256;
    private final Lifecycle definition;
    private final SupportStore store;
    private final Clock clock;
    private final MachinePool pool;
    private final OutboxDispatcher dispatcher;
    private final CommandRunner runner;
    private final Background background;
    /** This engine process as the owner of outbox and timer claims (see {@link SupportStore#claimOutbox}). */
    private final String owner = "engine-" + UUID.randomUUID();
    private final Duration lease;
    private final MeterRegistry meters;
    private final ReentrantReadWriteLock running = new ReentrantReadWriteLock();
    private boolean closed;

    private SupportEngine(Builder b) {
        this.definition = b.definition;
        this.clock = b.clock;
        this.store = b.store != null ? b.store : Stores.openMapDb(b.dataDirectory);
        this.pool = new MachinePool(definition, b.machinePoolSize);
        this.lease = b.lease;
        this.dispatcher = new OutboxDispatcher(store, owner, b.listeners, clock, b.firstRetry, b.maxRetry, lease);
        this.background = b.pollInterval == null ? null
                : new Background(b.pollInterval, this::fireDue, dispatcher::deliverPending);
        this.meters = b.meterRegistry != null ? b.meterRegistry : new CompositeMeterRegistry();
        EngineMetrics metrics = new EngineMetrics(meters, definition);
        metrics.watch(store, clock);
        this.runner = new CommandRunner(definition, store, clock, pool,
                background == null ? () -> { } : background::wakeDelivery, metrics);
    }

    /** A builder with the standard lifecycle, MapDB in {@code ./supportflow-data}, the UTC system clock. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The registry the engine's meters are in (README "Metrics" lists them): the builder's
     * {@link Builder#meterRegistry}, or else an empty {@link CompositeMeterRegistry}, whose meters cost next to
     * nothing and record nothing until a registry is added to it. The REST binding counts its requests here too and
     * serves it as {@code GET /metrics} when it is (or holds) a Prometheus registry.
     */
    public MeterRegistry meterRegistry() {
        return meters;
    }

    /** The lifecycle definition this engine runs. */
    public Lifecycle definition() {
        return definition;
    }

    /** POST /support/{orderId}: opens a session, or reopens a closed one (reopen policy); assigns {@code body.agent}. */
    public Session open(String orderId, Support body, Actor actor) {
        return execute(new Command.Open(orderId, body, actor));
    }

    /**
     * GET /support/{orderId}.
     *
     * @throws NotFoundException SUPPORT_NOT_FOUND when the order has no session
     */
    public Session get(String orderId) {
        return guarded(() -> store.load(checkedOrderId(orderId)).orElseThrow(() -> noSession(orderId)));
    }

    /** PUT /support/{orderId}: replaces the details; an agent other than the current one is refused. */
    public Session update(String orderId, Support body, Actor actor) {
        return execute(new Command.Update(orderId, body, actor));
    }

    /** DELETE /support/{orderId}: closes the session, ending its assignment; a no-op on a closed session. */
    public Session close(String orderId, Actor actor) {
        return execute(new Command.Close(orderId, actor));
    }

    /**
     * GET /support/{orderId}/agent.
     *
     * @throws NotFoundException SUPPORT_NOT_FOUND without a session, AGENT_NOT_FOUND without an agent
     */
    public Agent agent(String orderId) {
        Session session = get(orderId);
        if (session.agent() == null) {
            throw SupportException.explain(ErrorCode.AGENT_NOT_FOUND,
                    "order " + orderId + " has no agent (state " + session.state() + ")", null);
        }
        return session.agent();
    }

    /** PUT /support/{orderId}/agent: assigns, reassigns, or (same id) updates the agent's details. */
    public Session assign(String orderId, Agent agent, Actor actor) {
        return execute(new Command.Assign(orderId, agent, actor));
    }

    /** DELETE /support/{orderId}/agent: removes the agent; a no-op when there is none. */
    public Session unassign(String orderId, Actor actor) {
        return execute(new Command.Unassign(orderId, actor));
    }

    /** Assigns the agent the lifecycle's assignment strategy picks among registered, available, eligible agents. */
    public Session assignNext(String orderId, Actor actor) {
        return execute(new Command.AssignNext(orderId, actor));
    }

    /** Fires a custom lifecycle event (e.g. {@code escalate}), optionally carrying an agent (may be null). */
    public Session fire(String orderId, String event, Agent agent, Actor actor) {
        return execute(new Command.Fire(orderId, event, agent, actor));
    }

    /**
     * Runs any command.
     *
     * @throws SupportException for every refusal; nothing changed
     */
    public Session execute(Command command) {
        return execute(command, OptionalLong.empty());
    }

    /**
     * Runs {@code command} only if the session is at {@code expectedVersion} (HTTP If-Match; 0 means "no session").
     *
     * @throws VersionMismatchException VERSION_MISMATCH when it is not; nothing changed
     * @throws SupportException         for every other refusal
     */
    public Session execute(Command command, long expectedVersion) {
        return execute(command, OptionalLong.of(expectedVersion));
    }

    private Session execute(Command command, OptionalLong expectedVersion) {
        return guarded(() -> runner.execute(command, expectedVersion));
    }

    /**
     * Sessions in {@code state}, by order id.
     *
     * @throws BadInputException INVALID_INPUT when the lifecycle has no such state
     */
    public List<Session> sessionsInState(String state) {
        checkState(state);
        return guarded(() -> loadAll(store.ordersInState(state)).stream()
                .filter(s -> s.state().equals(state)).toList());
    }

    /** Sessions whose current agent is {@code agentId}, by order id. */
    public List<Session> sessionsOfAgent(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return guarded(() -> loadAll(store.ordersWithAgent(agentId)).stream()
                .filter(s -> s.agent() != null && s.agent().id().equals(agentId)).toList());
    }

    /**
     * One page of every session (in the states of the lifecycle), by order id; see {@link Page} for what a walk
     * guarantees while sessions change.
     *
     * @param cursor null for the first page, else the {@link Page#next()} of the previous page
     * @param limit  1 to {@link Page#MAX_LIMIT}
     * @throws BadInputException INVALID_INPUT naming {@code limit} or {@code cursor}
     */
    public Page<Session> sessions(String cursor, int limit) {
        String after = pageStart(cursor, limit);
        return guarded(() -> {
            TreeSet<String> ids = new TreeSet<>();
            for (String state : definition.states()) {
                if (!state.equals(definition.initialState())) {
                    ids.addAll(store.ordersInState(state, after, limit + 1));
                }
            }
            return sessionPage(ids.stream().limit(limit + 1L).toList(), limit, s -> true);
        });
    }

    /**
     * One page of {@link #sessionsInState(String)}; see {@link Page} for what a walk guarantees.
     *
     * @param cursor null for the first page, else the {@link Page#next()} of the previous page
     * @param limit  1 to {@link Page#MAX_LIMIT}
     * @throws BadInputException INVALID_INPUT naming {@code state}, {@code limit} or {@code cursor}
     */
    public Page<Session> sessionsInState(String state, String cursor, int limit) {
        checkState(state);
        String after = pageStart(cursor, limit);
        return guarded(() -> sessionPage(store.ordersInState(state, after, limit + 1), limit,
                s -> s.state().equals(state)));
    }

    /**
     * One page of {@link #sessionsOfAgent(String)}; see {@link Page} for what a walk guarantees.
     *
     * @param cursor null for the first page, else the {@link Page#next()} of the previous page
     * @param limit  1 to {@link Page#MAX_LIMIT}
     * @throws BadInputException INVALID_INPUT naming {@code limit} or {@code cursor}
     */
    public Page<Session> sessionsOfAgent(String agentId, String cursor, int limit) {
        Objects.requireNonNull(agentId, "agentId");
        String after = pageStart(cursor, limit);
        return guarded(() -> sessionPage(store.ordersWithAgent(agentId, after, limit + 1), limit,
                s -> s.agent() != null && s.agent().id().equals(agentId)));
    }

    /**
     * One page of {@link #history(String)}: entries in version order (the journal only grows, so a walk lists each
     * entry exactly once).
     *
     * @param cursor null for the first page, else the {@link Page#next()} of the previous page
     * @param limit  1 to {@link Page#MAX_LIMIT}
     * @throws BadInputException INVALID_INPUT naming {@code orderId}, {@code limit} or {@code cursor}
     * @throws NotFoundException SUPPORT_NOT_FOUND when the order has no session
     */
    public Page<JournalEntry> history(String orderId, String cursor, int limit) {
        checkedOrderId(orderId);
        check("limit", () -> Paging.checkLimit(limit));
        long after = checked("cursor", () -> Paging.versionAfter(cursor));
        return guarded(() -> {
            List<JournalEntry> entries = store.journal(orderId, after, limit + 1);
            if (entries.isEmpty() && (after == 0 || store.load(orderId).isEmpty())) {
                throw noSession(orderId);
            }
            boolean more = entries.size() > limit;
            List<JournalEntry> items = more ? entries.subList(0, limit) : entries;
            return new Page<>(items, more ? Optional.of(Paging.afterVersion(items.get(limit - 1).version()))
                    : Optional.empty());
        });
    }

    /**
     * The journal of {@code orderId}: one entry per accepted command, in version order.
     *
     * @throws NotFoundException SUPPORT_NOT_FOUND when the order has no session
     */
    public List<JournalEntry> history(String orderId) {
        return guarded(() -> {
            List<JournalEntry> journal = store.journal(checkedOrderId(orderId));
            if (journal.isEmpty()) {
                throw noSession(orderId);
            }
            return journal;
        });
    }

    /**
     * Every assignment of {@code orderId}, ACTIVE or ENDED with its reason, in start order.
     *
     * @throws NotFoundException SUPPORT_NOT_FOUND when the order has no session
     */
    public List<Assignment> assignments(String orderId) {
        return guarded(() -> {
            if (store.load(checkedOrderId(orderId)).isEmpty()) {
                throw noSession(orderId);
            }
            return store.assignments(orderId);
        });
    }

    /** The ACTIVE assignments of {@code agentId} over all orders. */
    public int agentLoad(String agentId) {
        Objects.requireNonNull(agentId, "agentId");
        return guarded(() -> store.agentLoad(agentId));
    }

    /**
     * Registers or replaces an agent for automatic assignment and eligibility (capacity, availability).
     *
     * @throws BadInputException INVALID_INPUT when the GovStack agent is invalid
     */
    public void registerAgent(AgentProfile profile) {
        Objects.requireNonNull(profile, "profile");
        List<Violation> violations = Validation.agent(profile.agent());
        if (!violations.isEmpty()) {
            throw SupportException.explain(ErrorCode.INVALID_INPUT, "invalid agent " + profile.agentId() + ": "
                    + describe(violations), paths(violations));
        }
        guarded(() -> {
            store.putAgent(profile);
            return null;
        });
    }

    /**
     * Marks a registered agent available or not for new assignments.
     *
     * @throws NotFoundException AGENT_NOT_FOUND when the agent is not registered
     */
    public void setAgentAvailable(String agentId, boolean available) {
        Objects.requireNonNull(agentId, "agentId");
        guarded(() -> {
            AgentProfile profile = store.agent(agentId).orElseThrow(() -> SupportException.of(ErrorCode.AGENT_NOT_FOUND,
                    "agent " + agentId + " is not registered. Register it with registerAgent first.", "agentId"));
            store.putAgent(new AgentProfile(agentId, profile.capacity(), available, profile.agent()));
            return null;
        });
    }

    /** Every registered agent, by agent id. */
    public List<AgentProfile> agents() {
        return guarded(store::agents);
    }

    /**
     * Fires the idle timers due at the clock's now that the store hands this engine ({@link SupportStore#claimDueTimers}:
     * on a store shared by several processes, those this engine claimed; up to {@value #TIMER_BATCH} per call), by
     * deadline then order id; each fires only if, read again under the order's lock, its deadline is still armed and
     * due. A timer the lifecycle refuses is logged and skipped. Returns the number of sessions it changed.
     */
    public int fireDueTimers() {
        return guarded(this::fireDue);
    }

    private int fireDue() {
        Instant now = clock.instant();
        int fired = 0;
        for (String orderId : store.claimDueTimers(owner, now, lease, TIMER_BATCH)) {
            fired += fireTimer(orderId, now);
        }
        return fired;
    }

    private int fireTimer(String orderId, Instant now) {
        try {
            return runner.fireTimer(orderId, now).isPresent() ? 1 : 0;
        } catch (SupportException refusedAndLogged) {
            return 0;
        }
    }

    /**
     * One outbox delivery pass: every pending event whose order is not waiting for a retry goes to every listener,
     * and is acknowledged once all of them took it. Returns the number acknowledged.
     */
    public int deliverOutbox() {
        return guarded(dispatcher::deliverPending);
    }

    /** The live resources: pooled Spring machines and held order locks. */
    public EngineStats stats() {
        return new EngineStats(pool.live(), pool.size(), runner.lockedOrders());
    }

    /**
     * Stops the background threads (waiting up to ten seconds for a running pass, then interrupting it), waits for
     * running commands and queries, then releases the machines and closes the store (also a store given to the
     * builder: the engine owns it). Idempotent.
     */
    @Override
    public void close() {
        if (background != null) {
            background.close();
        }
        running.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            pool.close();
            store.close();
        } finally {
            running.writeLock().unlock();
        }
    }

    private <T> T guarded(Supplier<T> body) {
        running.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the support engine is closed");
            }
            return body.get();
        } finally {
            running.readLock().unlock();
        }
    }

    private void checkState(String state) {
        if (!definition.states().contains(state)) {
            throw SupportException.explain(ErrorCode.INVALID_INPUT, "state " + state + " is not one of "
                    + definition.states(), "state");
        }
    }

    /** The order id a page starts after (null: the first page), once the limit and the cursor are checked. */
    private static String pageStart(String cursor, int limit) {
        check("limit", () -> Paging.checkLimit(limit));
        return checked("cursor", () -> Paging.orderAfter(cursor));
    }

    /** {@code read}'s value; its {@link IllegalArgumentException} as INVALID_INPUT naming {@code parameter}. */
    private static <T> T checked(String parameter, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw SupportException.explain(ErrorCode.INVALID_INPUT, e.getMessage(), parameter);
        }
    }

    private static void check(String parameter, Runnable check) {
        checked(parameter, () -> {
            check.run();
            return null;
        });
    }

    /**
     * The page of the sessions of {@code orderIds} (up to {@code limit + 1} ids read from an index) that
     * {@code stillListed} keeps once loaded; a next cursor after the {@code limit}-th id when there was one more.
     */
    private Page<Session> sessionPage(List<String> orderIds, int limit, Predicate<Session> stillListed) {
        boolean more = orderIds.size() > limit;
        List<String> covered = more ? orderIds.subList(0, limit) : orderIds;
        List<Session> items = loadAll(covered).stream().filter(stillListed).toList();
        return new Page<>(items, more ? Optional.of(Paging.afterOrder(covered.get(limit - 1))) : Optional.empty());
    }

    private List<Session> loadAll(List<String> orderIds) {
        List<Session> sessions = new ArrayList<>(orderIds.size());
        for (String orderId : orderIds) {
            store.load(orderId).ifPresent(sessions::add);
        }
        return sessions;
    }

    private static String checkedOrderId(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        List<Violation> violations = Validation.orderId(orderId);
        if (!violations.isEmpty()) {
            throw SupportException.explain(ErrorCode.INVALID_INPUT, "invalid order id: " + describe(violations),
                    paths(violations));
        }
        return orderId;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    private static String paths(List<Violation> violations) {
        return violations.stream().map(Violation::path).distinct().collect(Collectors.joining(", "));
    }

    private static NotFoundException noSession(String orderId) {
        return (NotFoundException) SupportException.explain(ErrorCode.SUPPORT_NOT_FOUND,
                "order " + orderId + " has no support session", null);
    }

    /** Configures a {@link SupportEngine}. Not thread-safe; {@link #build()} may be called once per store. */
    public static final class Builder {
        private Lifecycle definition = Lifecycle.standard();
        private SupportStore store;
        private Path dataDirectory = Path.of("supportflow-data");
        private Clock clock = Clock.systemUTC();
        private final List<TransitionListener> listeners = new ArrayList<>();
        private int machinePoolSize = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration firstRetry = Duration.ofMillis(100);
        private Duration lease = Duration.ofSeconds(10);
        private Duration maxRetry = Duration.ofMinutes(1);
        private MeterRegistry meterRegistry;

        private Builder() {
        }

        /** The lifecycle to run (default: {@link Lifecycle#standard()}). */
        public Builder lifecycle(Lifecycle value) {
            definition = Objects.requireNonNull(value, "lifecycle");
            return this;
        }

        /** The store to use; the engine owns it and closes it. Overrides {@link #dataDirectory}. */
        public Builder store(SupportStore value) {
            store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** Where the MapDB store lives when no {@link #store} is given (default {@code ./supportflow-data}). */
        public Builder dataDirectory(Path value) {
            dataDirectory = Objects.requireNonNull(value, "dataDirectory");
            return this;
        }

        /** The clock for journal times, timers, reopen windows and retry backoff (default: system UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Adds a listener for accepted transitions (see {@link TransitionListener} for the delivery guarantees). */
        public Builder listener(TransitionListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** The most Spring machines alive at once (default: the number of processors, at least 2). */
        public Builder machinePoolSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("machine pool size must be at least 1: " + value);
            }
            machinePoolSize = value;
            return this;
        }

        /** How often the background threads poll timers and the outbox (default: every second). */
        public Builder pollInterval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive: " + value);
            }
            pollInterval = value;
            return this;
        }

        /**
         * The registry to register the engine's meters in (README "Metrics"); default none (an empty composite, see
         * {@link SupportEngine#meterRegistry()}). Pass a {@code PrometheusMeterRegistry} for the REST binding's
         * {@code GET /metrics}. The engine does not close it.
         */
        public Builder meterRegistry(MeterRegistry value) {
            meterRegistry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        /** No background threads: timers and the outbox run only in {@link #fireDueTimers()} / {@link #deliverOutbox()}. */
        public Builder manualScheduling() {
            pollInterval = null;
            return this;
        }

        /**
         * On a store shared by several engine processes, how long this engine's claim on an order's outbox entries
         * (renewed by each delivery pass) or on a due timer lasts (default 10 s): the bound on how soon another
         * process takes over the events and timers of one that was killed. Make it longer than a delivery pass or a
         * timer poll takes.
         */
        public Builder lease(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("lease must not be negative: " + value);
            }
            lease = value;
            return this;
        }

        /** A failing listener's order is retried after {@code first}, doubling up to {@code max} (default 100 ms, 1 min). */
        public Builder retryBackoff(Duration first, Duration max) {
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < first <= max: " + first + ", " + max);
            }
            firstRetry = first;
            maxRetry = max;
            return this;
        }

        /**
         * The engine, its store opened and its background threads started (unless manual).
         *
         * @throws io.supportflow.persistence.StoreOpenException if the MapDB store cannot be opened
         */
        public SupportEngine build() {
            SupportEngine engine = new SupportEngine(this);
            if (engine.background != null) {
                engine.background.start();
            }
            return engine;
        }
    }
}
