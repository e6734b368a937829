package io.supportflow.engine;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.JournalEntry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's meters (README "Metrics" lists each, and a test keeps that list and this class agreeing). Commands are
 * timed by event and outcome; the group committer's writes are measured on the store it is given (a view of the store
 * that times each {@code commitAll}), so the committer itself knows nothing of meters; the outbox and timer gauges are
 * read from the store when the registry is scraped. Event tags are bounded: an event the lifecycle does not have is
 * tagged {@code other}.
 */
final class EngineMetrics {
    static final String COMMANDS = "supportflow.commands";
    static final String COMMIT_BATCH = "supportflow.commit.batch";
    static final String COMMIT_WRITE = "supportflow.commit.write";
    static final String OUTBOX_PENDING = "supportflow.outbox.pending";
    static final String OUTBOX_LAG = "supportflow.outbox.lag";
    static final String TIMERS_DUE = "supportflow.timers.due";
    /** The most outbox entries the pending gauge counts at one scrape. */
    static final int PENDING_COUNTED = 10_000;

    private final MeterRegistry registry;
    private final Set<String> events;
    private final DistributionSummary batch;
    private final Timer write;
    private final Map<CommandTags, Timer> commandTimers = new ConcurrentHashMap<>();

    EngineMetrics(MeterRegistry registry, Lifecycle definition) {
        this.registry = registry;
        this.events = Set.copyOf(definition.events());
        this.batch = DistributionSummary.builder(COMMIT_BATCH)
                .description("commits written together by one group-commit write").register(registry);
        this.write = Timer.builder(COMMIT_WRITE)
                .description("one group-commit write: plan, stage and force the batch to disk").register(registry);
    }

    /** Registers the gauges that read {@code store} at each scrape ({@code NaN} once it is closed). */
    void watch(SupportStore store, Clock clock) {
        Gauge.builder(OUTBOX_PENDING, () -> read(() -> store.pendingOutbox(PENDING_COUNTED).size()))
                .description("outbox entries not yet delivered to every listener (counted up to 10,000)")
                .strongReference(true).register(registry);
        Gauge.builder(OUTBOX_LAG, () -> read(() -> lag(store, clock))).baseUnit("seconds")
                .description("age of the oldest undelivered outbox entry (0 when none)")
                .strongReference(true).register(registry);
        Gauge.builder(TIMERS_DUE, () -> read(() -> store.dueTimers(clock.instant()).size()))
                .description("idle timers whose deadline has passed and that have not fired yet")
                .strongReference(true).register(registry);
    }

    private static double lag(SupportStore store, Clock clock) {
        List<JournalEntry> oldest = store.pendingOutbox(1);
        return oldest.isEmpty() ? 0 : Duration.between(oldest.get(0).at(), clock.instant()).toNanos() / 1e9;
    }

    private static double read(Supplier<Number> value) {
        try {
            return value.get().doubleValue();
        } catch (IllegalStateException closed) {
            return Double.NaN;
        }
    }

    /**
     * Runs a command and times it by event and outcome: {@code accepted}, {@code unchanged} (a declared no-op),
     * {@code refused} (tagged with the error code) or {@code failed} (the store failed). What {@code run} decided
     * says which; a {@link Decided#notRun()} is not counted (a timer no longer due).
     */
    <T> T command(String event, Supplier<Decided<T>> run) {
        long start = System.nanoTime();
        String outcome = "failed";
        String code = "none";
        try {
            Decided<T> decided = run.get();
            outcome = decided.outcome();
            return decided.value();
        } catch (SupportException refused) {
            outcome = "refused";
            code = refused.code().name();
            throw refused;
        } finally {
            if (outcome != null) {
                commandTimer(new CommandTags(events.contains(event) ? event : "other", outcome, code))
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * The command timer of {@code tags}, registered on first use and then kept: building and registering a meter
     * (its tags sorted, its id looked up in the registry) cost more than the rest of an in-memory command's
     * bookkeeping together.
     */
    private Timer commandTimer(CommandTags tags) {
        return commandTimers.computeIfAbsent(tags, t -> Timer.builder(COMMANDS)
                .description("commands run, by event and outcome, and how long each took")
                .tag("event", t.event()).tag("outcome", t.outcome()).tag("code", t.code()).register(registry));
    }

    /** The tags of one command timer; bounded: the lifecycle's events and "other", four outcomes, the error codes. */
    private record CommandTags(String event, String outcome, String code) {
    }

    /** What a command returned, and its outcome: {@code accepted}, {@code unchanged}, or null when it did not run. */
    record Decided<T>(T value, String outcome) {
        static <T> Decided<T> accepted(T value) {
            return new Decided<>(value, "accepted");
        }

        static <T> Decided<T> unchanged(T value) {
            return new Decided<>(value, "unchanged");
        }

        static <T> Decided<T> notRun(T value) {
            return new Decided<>(value, null);
        }

        <U> Decided<U> map(java.util.function.Function<T, U> f) {
            return new Decided<>(f.apply(value), outcome);
        }
    }

    /** {@code store}, with each {@link SupportStore#commitAll} measured as one group-commit write. */
    SupportStore measuringWrites(SupportStore store) {
        return (SupportStore) Proxy.newProxyInstance(SupportStore.class.getClassLoader(),
                new Class<?>[] {SupportStore.class}, (proxy, method, args) -> {
                    boolean commitAll = method.getName().equals("commitAll");
                    long start = System.nanoTime();
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (commitAll) {
                            write.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                            batch.record(((List<?>) args[0]).size());
                        }
                    }
                });
    }
}
