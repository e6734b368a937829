package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static io.supportflow.spec.lifecycle.Actor.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class ConcurrencyTest {
    private static final int THREADS = 8;

    private static SupportEngine engine(Lifecycle lifecycle, SupportStore store) {
        return SupportEngine.builder().lifecycle(lifecycle).store(store).clock(new MutableClock(Fixtures.T0))
                .manualScheduling().machinePoolSize(2).build();
    }

    @Test
    void p8ConcurrentCommandsOnOneOrderRunAsSomeSerialOrderWithoutLostUpdates() throws Exception {
        try (SupportEngine engine = engine(Lifecycle.standard(), Stores.inMemory())) {
            engine.open("o1", body("start"), CUSTOMER);
            List<Callable<List<Long>>> writers = IntStream.range(0, THREADS).<Callable<List<Long>>>mapToObj(t -> () -> {
                List<Long> versions = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    versions.add(engine.update("o1", body("t" + t + "-" + i), CUSTOMER).version());
                }
                return versions;
            }).toList();
            List<Long> seen = new ArrayList<>();
            for (List<Long> versions : runAll(writers)) {
                assertThat(versions).isSorted().doesNotHaveDuplicates();
                seen.addAll(versions);
            }
            List<JournalEntry> journal = engine.history("o1");
            assertThat(seen).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 201).boxed().toList());
            assertThat(journal).extracting(JournalEntry::version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 201).boxed().toList());
            Session last = engine.get("o1");
            assertThat(last.version()).isEqualTo(201);
            assertThat(last.details().descriptor()).isEqualTo(journal.get(200).body().descriptor());
            assertThat(engine.stats().lockedOrders()).isZero();
        }
    }

    @Test
    void aRefusalNamesTheGuardThatFailedWhenDecidedThoughTheAgentIsFreedMeanwhile() {
        SupportStore freedAfterFirstLook = new DelegatingStore(Stores.inMemory()) {
            private boolean looked;

            @Override
            public int agentLoad(String agentId) {
                boolean first = !looked;
                looked = true;
                return super.agentLoad(agentId) + (first ? 1 : 0);
            }
        };
        try (SupportEngine engine = engine(Lifecycle.standard(), freedAfterFirstLook)) {
            engine.registerAgent(new AgentProfile("a2", 1, true, Agent.withId("a2")));
            engine.open("o1", body("x"), CUSTOMER);

            Optional<ErrorCode> refusal = refusalOf(() -> engine.assign("o1", Agent.withId("a2"), SUPERVISOR));

            assertThat(refusal).as("the capacity the decision saw, not a reason made up from a second look")
                    .hasValue(ErrorCode.AGENT_AT_CAPACITY);
        }
    }

    @Test
    void p3ParallelAssignmentsOfOneAgentNeverExceedItsCapacity() throws Exception {
        Lifecycle capacityTwo = Lifecycle.standard().extend("cap2").policies(p -> p.withAgentCapacity(2)).build();
        try (SupportEngine engine = engine(capacityTwo, Stores.inMemory())) {
            int orders = 16;
            for (int i = 0; i < orders; i++) {
                engine.open("o" + i, body("x"), CUSTOMER);
            }
            List<Callable<Optional<ErrorCode>>> assigns = IntStream.range(0, orders)
                    .<Callable<Optional<ErrorCode>>>mapToObj(i -> () -> refusalOf(
                            () -> engine.assign("o" + i, Agent.withId("a1"), SUPERVISOR)))
                    .toList();
            List<Optional<ErrorCode>> results = runAll(assigns);
            assertThat(results).filteredOn(Optional::isEmpty).hasSize(2);
            assertThat(results).filteredOn(Optional::isPresent).extracting(Optional::get)
                    .containsOnly(ErrorCode.AGENT_AT_CAPACITY);
            assertThat(engine.agentLoad("a1")).isEqualTo(2);
            assertThat(engine.sessionsOfAgent("a1")).hasSize(2);
        }
    }

    @Test
    void p3ParallelAssignNextFillsEveryAgentToCapacityAndNoFurther() throws Exception {
        Lifecycle leastLoaded = Lifecycle.standard().extend("ll")
                .policies(p -> p.withAssignment(AssignmentStrategy.LEAST_LOADED)).build();
        try (SupportEngine engine = engine(leastLoaded, Stores.inMemory())) {
            engine.registerAgent(new AgentProfile("a1", 2, true, Agent.withId("a1")));
            engine.registerAgent(new AgentProfile("a2", 2, true, Agent.withId("a2")));
            int orders = 10;
            for (int i = 0; i < orders; i++) {
                engine.open("o" + i, body("x"), CUSTOMER);
            }
            List<Optional<ErrorCode>> results = runAll(IntStream.range(0, orders)
                    .<Callable<Optional<ErrorCode>>>mapToObj(i -> () -> refusalOf(() -> engine.assignNext("o" + i, SYSTEM)))
                    .toList());
            assertThat(results).filteredOn(Optional::isEmpty).hasSize(4);
            assertThat(engine.agentLoad("a1")).isEqualTo(2);
            assertThat(engine.agentLoad("a2")).isEqualTo(2);
        }
    }

    @Test
    void p8ACommandOnOneOrderDoesNotWaitForAStuckCommandOnAnother() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SupportStore store = new DelegatingStore(Stores.inMemory()) {
            @Override
            public Optional<Session> load(String orderId) {
                if (orderId.equals("slow") && stuck.getCount() > 0 && Thread.currentThread().getName().equals("slow")) {
                    stuck.countDown();
                    awaitUninterruptibly(release);
                }
                return super.load(orderId);
            }
        };
        try (SupportEngine engine = engine(Lifecycle.standard(), store)) {
            engine.open("slow", body("x"), CUSTOMER);
            Thread slow = new Thread(() -> engine.update("slow", body("late"), CUSTOMER), "slow");
            slow.start();
            stuck.await();
            assertThat(engine.open("fast", body("x"), CUSTOMER).version()).isEqualTo(1);
            assertThat(engine.assign("fast", Agent.withId("a1"), SUPERVISOR).version()).isEqualTo(2);
            assertThat(slow.isAlive()).isTrue();
            assertThat(engine.stats().lockedOrders()).isEqualTo(1);
            release.countDown();
            slow.join();
            assertThat(engine.get("slow").version()).isEqualTo(2);
        }
    }

    static Optional<ErrorCode> refusalOf(Runnable command) {
        try {
            command.run();
            return Optional.empty();
        } catch (SupportException e) {
            return Optional.of(e.code());
        }
    }

    static <T> List<T> runAll(List<Callable<T>> tasks) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = tasks.stream().map(task -> pool.submit(() -> {
                go.await();
                return task.call();
            })).toList();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
