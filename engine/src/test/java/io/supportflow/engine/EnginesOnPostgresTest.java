package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.StoreAccessException;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.postgres.PostgresServer;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.supportflow.engine.ConcurrencyTest.refusalOf;
import static io.supportflow.engine.ConcurrencyTest.runAll;
import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three engines, each with a PostgreSQL store (and connection pool) of its own on one database, stand for three
 * processes: nothing in-process is shared between them but the clock. P8, P3, timers, the outbox and round-robin
 * must hold by the store contract alone.
 */
@Timeout(120)
class EnginesOnPostgresTest {
    private static final int ENGINES = 3;
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final List<SupportEngine> engines = new ArrayList<>();

    private final List<Delivered> delivered = Collections.synchronizedList(new ArrayList<>());
    private String url;

    /** An event as one engine's listener received it. */
    private record Delivered(int engine, String orderId, long version) {
    }

    private List<SupportEngine> engines(Lifecycle lifecycle) {
        url = PostgresServer.shared().newDatabase();
        for (int i = 0; i < ENGINES; i++) {
            int engine = i;
            engines.add(SupportEngine.builder().lifecycle(lifecycle).store(Stores.openPostgres(url)).clock(clock)
                    .listener(event -> delivered.add(new Delivered(engine, event.orderId(), event.version())))
                    .manualScheduling().machinePoolSize(2).build());
        }
        return engines;
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(SupportEngine::close);
    }

    @Test
    void p8UpdatesOfOneOrderFromThreeEnginesAreAllAnsweredAndNoneIsLost() throws Exception {
        List<SupportEngine> all = engines(Lifecycle.standard());
        all.get(0).open("o1", body("start"), CUSTOMER);
        List<Callable<List<Long>>> writers = IntStream.range(0, 2 * ENGINES).<Callable<List<Long>>>mapToObj(t -> () -> {
            List<Long> versions = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                versions.add(all.get(t % ENGINES).update("o1", body("t" + t + "-" + i), CUSTOMER).version());
            }
            return versions;
        }).toList();
        List<Long> seen = new ArrayList<>();
        for (List<Long> versions : runAll(writers)) {
            assertThat(versions).isSorted().doesNotHaveDuplicates();
            seen.addAll(versions);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 91).boxed().toList());
        assertThat(all.get(1).history("o1")).extracting(JournalEntry::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 91).boxed().toList());
    }

    @Test
    void p3ThreeEnginesAssigningOneAgentAtOnceNeverTakeItAboveItsCapacity() throws Exception {
        List<SupportEngine> all = engines(Lifecycle.standard().extend("cap2")
                .policies(p -> p.withAgentCapacity(2)).build());
        List<Callable<Optional<ErrorCode>>> assigns = new ArrayList<>();
        for (int i = 0; i < 4 * ENGINES; i++) {
            SupportEngine engine = all.get(i % ENGINES);
            String order = "o" + i;
            engine.open(order, body(order), CUSTOMER);
            assigns.add(() -> refusalOf(() -> engine.assign(order, Agent.withId("a1"), SUPERVISOR)));
        }
        List<Optional<ErrorCode>> results = runAll(assigns);
        assertThat(results).filteredOn(Optional::isEmpty).hasSize(2);
        assertThat(results).filteredOn(Optional::isPresent).extracting(Optional::get)
                .containsOnly(ErrorCode.AGENT_AT_CAPACITY);
        assertThat(all.get(0).agentLoad("a1")).isEqualTo(2);
    }

    @Test
    void anArmedIdleDeadlineFiresOnceHoweverManyEnginesFireTimersAtOnce() throws Exception {
        List<SupportEngine> all = engines(Lifecycle.standard().extend("idle")
                .policies(p -> p.withIdleTimeout(Duration.ofMinutes(30))).build());
        List<String> orders = IntStream.range(0, 20).mapToObj(i -> "o" + i).toList();
        orders.forEach(order -> all.get(0).open(order, body(order), CUSTOMER));
        clock.advance(Duration.ofHours(1));
        List<Callable<Integer>> firers = all.stream().<Callable<Integer>>map(e -> e::fireDueTimers).toList();
        assertThat(runAll(firers).stream().mapToInt(Integer::intValue).sum()).isEqualTo(orders.size());
        for (String order : orders) {
            assertThat(all.get(2).history(order)).extracting(JournalEntry::event)
                    .containsExactly(Events.OPEN, Events.IDLE_TIMEOUT);
            assertThat(all.get(2).get(order).state()).isEqualTo(States.CLOSED);
        }
    }

    @Test
    void threeEnginesDeliveringAtOnceDeliverEveryEventOnceInVersionOrderPerOrder() throws Exception {
        List<SupportEngine> all = engines(Lifecycle.standard());
        List<String> orders = IntStream.range(0, 20).mapToObj(i -> "o" + i).toList();
        for (int i = 0; i < orders.size(); i++) {
            all.get(i % ENGINES).open(orders.get(i), body("opened"), CUSTOMER);
            all.get((i + 1) % ENGINES).update(orders.get(i), body("updated"), CUSTOMER);
            all.get((i + 2) % ENGINES).close(orders.get(i), CUSTOMER);
        }
        List<Callable<Integer>> deliverers = all.stream().<Callable<Integer>>map(e -> e::deliverOutbox).toList();
        assertThat(runAll(deliverers).stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 * orders.size());
        List<Delivered> seen = List.copyOf(delivered);
        assertThat(seen).hasSize(3 * orders.size())
                .extracting(d -> d.orderId() + "@" + d.version()).doesNotHaveDuplicates();
        for (String order : orders) {
            assertThat(seen).filteredOn(d -> d.orderId().equals(order)).extracting(Delivered::version)
                    .containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void theEventsOfAKilledProcessAreDeliveredByAnEngineOnceItsLeaseHasRunOut() {
        List<SupportEngine> all = engines(Lifecycle.standard());
        List.of("o1", "o2", "o3").forEach(order -> all.get(0).open(order, body(order), CUSTOMER));
        try (SupportStore killed = Stores.openPostgres(url)) {
            assertThat(killed.claimOutbox("killed", Duration.ofHours(1), 10)).hasSize(3);
            assertThat(all.get(1).deliverOutbox()).as("leased to a live process").isZero();
            assertThat(killed.claimOutbox("killed", Duration.ZERO, 10)).as("its last claim runs out at once")
                    .hasSize(3);
        }
        assertThat(all.get(1).deliverOutbox()).isEqualTo(3);
        assertThat(delivered).extracting(Delivered::engine).containsOnly(1);
        assertThat(delivered).extracting(Delivered::orderId).containsExactly("o1", "o2", "o3");
    }

    @Test
    void aCommitWhoseOutcomeWasUnknownIsFoundStoredByItsCommandIdAndNotRepeated() {
        SupportEngine engine = onFlakyStore(true);
        engine.open("o1", body("opened"), CUSTOMER);
        assertThat(engine.update("o1", body("updated"), CUSTOMER).version()).isEqualTo(2);
        assertThat(engine.history("o1")).extracting(JournalEntry::version).containsExactly(1L, 2L);
    }

    @Test
    void aCommitWhoseOutcomeWasUnknownAndThatWasNotStoredIsDecidedAgain() {
        SupportEngine engine = onFlakyStore(false);
        engine.open("o1", body("opened"), CUSTOMER);
        assertThat(engine.update("o1", body("updated"), CUSTOMER).version()).isEqualTo(2);
        assertThat(engine.history("o1")).extracting(JournalEntry::version).containsExactly(1L, 2L);
        assertThat(engine.get("o1").details().descriptor().name()).isEqualTo("updated");
    }

    /**
     * An engine whose second batch loses the connection while committing: after the commit is stored
     * ({@code stored}) or before.
     */
    private SupportEngine onFlakyStore(boolean stored) {
        AtomicInteger batches = new AtomicInteger();
        SupportStore flaky = new DelegatingStore(Stores.openPostgres(PostgresServer.shared().newDatabase())) {
            @Override
            public List<StaleVersionException> commitAll(List<Commit> commits) {
                boolean lose = batches.incrementAndGet() == 2;
                if (lose && !stored) {
                    throw new StoreAccessException("connection lost before COMMIT reached the server", true, null);
                }
                List<StaleVersionException> results = super.commitAll(commits);
                if (lose) {
                    throw new StoreAccessException("connection lost after COMMIT was sent", true, null);
                }
                return results;
            }
        };
        SupportEngine engine = SupportEngine.builder().store(flaky).clock(clock).manualScheduling()
                .machinePoolSize(2).build();
        engines.add(engine);
        return engine;
    }

    @Test
    void roundRobinContinuesFromTheAgentTheOtherEnginesAssignedLast() {
        List<SupportEngine> all = engines(Lifecycle.standard().extend("rr")
                .policies(p -> p.withAssignment(AssignmentStrategy.ROUND_ROBIN)).build());
        for (String agent : List.of("a1", "a2", "a3")) {
            all.get(0).registerAgent(new AgentProfile(agent, null, true, Agent.withId(agent)));
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < ENGINES; i++) {
            all.get(i).open("o" + i, body("o" + i), CUSTOMER);
            picked.add(all.get(i).assignNext("o" + i, SUPERVISOR).agent().id());
        }
        assertThat(picked).containsExactly("a1", "a2", "a3");
    }
}
