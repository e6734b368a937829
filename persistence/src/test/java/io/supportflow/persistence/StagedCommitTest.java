package io.supportflow.persistence;

import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A commit on its way to disk does not hold readers up, and they see only what was committed before it: the MapDB
 * store with its force step held at a gate, so that the test reads while a commit is being forced.
 */
class StagedCommitTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path directory;
    private GatedTables gated;
    private TableStore store;
    private StoreDriver driver;

    @BeforeEach
    void openStore() {
        gated = new GatedTables(MapDbStore.open(directory).tables());
        store = new TableStore(gated);
        driver = new StoreDriver(store);
        Scenario.agentProfiles().forEach(store::putAgent);
    }

    @AfterEach
    void closeStore() {
        gated.open();
        store.close();
    }

    @Test
    void whileACommitIsForcedReadersSeeTheStoreAsItWasBeforeIt() throws Exception {
        Session o1 = commitNow(open("o1"));
        Commit next = Commit.of(assign("o1", "a1"));
        Commit another = Commit.of(open("o2"));
        gated.shut();
        CompletableFuture<?> forcing = CompletableFuture.runAsync(() -> store.commitAll(List.of(next, another)));
        gated.awaitForce();

        assertThat(store.load("o1")).contains(o1);
        assertThat(store.load("o2")).isEmpty();
        assertThat(store.journal("o1")).hasSize(1);
        assertThat(store.assignments("o1")).isEmpty();
        assertThat(store.agentLoad("a1")).isZero();
        assertThat(store.ordersWithAgent("a1")).isEmpty();
        assertThat(store.ordersInState(o1.state())).containsExactly("o1");
        assertThat(store.lastAssignedAgent()).isEmpty();
        assertThat(store.sessionCount()).isEqualTo(1);
        assertThat(forcing).isNotDone();

        gated.open();
        assertThat(forcing).succeedsWithin(PATIENCE);
        assertThat(store.load("o1").orElseThrow().version()).isEqualTo(2);
        assertThat(store.load("o2")).isPresent();
        assertThat(store.agentLoad("a1")).isEqualTo(1);
        assertThat(store.lastAssignedAgent()).contains("a1");
        assertThat(store.sessionCount()).isEqualTo(2);
    }

    @Test
    void whileACommitIsForcedPagesListTheOrdersAsTheyWereBeforeIt() throws Exception {
        for (String order : List.of("o1", "o3", "o5")) {
            commitNow(open(order));
        }
        List<Commit> batch = List.of(Commit.of(open("o2")), Commit.of(open("o4")),
                Commit.of(accepted(new Command.Close("o3", Actor.AGENT))));
        gated.shut();
        CompletableFuture<?> forcing = CompletableFuture.runAsync(() -> store.commitAll(batch));
        gated.awaitForce();

        assertThat(store.ordersInState("OPEN", null, 2)).containsExactly("o1", "o3");
        assertThat(store.ordersInState("OPEN", "o1", 2)).containsExactly("o3", "o5");
        assertThat(store.ordersInState("OPEN", "o3", 2)).containsExactly("o5");
        assertThat(store.ordersInState("CLOSED", null, 2)).isEmpty();
        assertThat(store.journal("o3", 0, 5)).hasSize(1);
        assertThat(forcing).isNotDone();

        gated.open();
        assertThat(forcing).succeedsWithin(PATIENCE);
        assertThat(store.ordersInState("OPEN", null, 2)).containsExactly("o1", "o2");
        assertThat(store.ordersInState("OPEN", "o2", 5)).containsExactly("o4", "o5");
        assertThat(store.journal("o3", 1, 5)).hasSize(1);
    }

    @Test
    void aCommitWhoseForceFailsIsNotVisibleAndTheStoreGoesOn() {
        Session o1 = commitNow(open("o1"));
        gated.failNextForce();
        Commit failing = Commit.of(assign("o1", "a1"));

        assertThatThrownBy(() -> store.commit(failing)).isInstanceOf(UncheckedIOException.class);

        assertThat(store.load("o1")).contains(o1);
        assertThat(store.agentLoad("a1")).isZero();
        assertThat(store.journal("o1")).hasSize(1);
        store.commit(failing);
        assertThat(store.load("o1").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void anAcknowledgementNotYetForcedByACommitIsPendingAgainWhenThatCommitFails() {
        commitNow(open("o1"));
        store.acknowledgeAll(List.of(new SupportStore.EntryId("o1", 1)));
        assertThat(store.pendingOutbox(10)).isEmpty();
        gated.failNextForce();

        assertThatThrownBy(() -> store.commit(Commit.of(open("o2")))).isInstanceOf(UncheckedIOException.class);

        assertThat(store.pendingOutbox(10)).extracting(SupportStore.EntryId::of)
                .containsExactly(new SupportStore.EntryId("o1", 1));
    }

    @Test
    void anAcknowledgementReachesTheDiskAtACleanClose() {
        commitNow(open("o1"));
        store.acknowledgeAll(List.of(new SupportStore.EntryId("o1", 1)));
        gated.open();
        store.close();

        try (SupportStore reopened = Stores.openMapDb(directory)) {
            assertThat(reopened.pendingOutbox(10)).isEmpty();
            assertThat(reopened.load("o1")).isPresent();
        }
    }

    private Outcome.Accepted open(String order) {
        return accepted(new Command.Open(order, Support.forOrder(null), Actor.CUSTOMER));
    }

    private Outcome.Accepted assign(String order, String agent) {
        return accepted(new Command.Assign(order, Scenario.agent(agent), Actor.SUPERVISOR));
    }

    private Outcome.Accepted accepted(Command command) {
        Outcome outcome = driver.decide(command, T0);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) outcome;
    }

    private Session commitNow(Outcome.Accepted accepted) {
        store.commit(Commit.of(accepted));
        return accepted.session();
    }

    /** The store's real tables, with a gate in front of {@link #force} and an injectable disk failure. */
    private static final class GatedTables implements Tables {
        private final Tables tables;
        private final CountDownLatch forceReached = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private volatile boolean failNext;

        GatedTables(Tables tables) {
            this.tables = tables;
        }

        void shut() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        void failNextForce() {
            failNext = true;
        }

        void awaitForce() throws InterruptedException {
            assertThat(forceReached.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("a force began").isTrue();
        }

        @Override
        public void force(Writes writes) {
            forceReached.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failNext) {
                failNext = false;
                throw new UncheckedIOException(new IOException("disk refused the write (test)"));
            }
            tables.force(writes);
        }

        @Override
        public NavigableMap<String, byte[]> read(Table table) {
            return tables.read(table);
        }

        @Override
        public BeforeImages stage(Writes writes) {
            return tables.stage(writes);
        }

        @Override
        public void publish(Writes writes) {
            tables.publish(writes);
        }

        @Override
        public void discard(Throwable failure) {
            tables.discard(failure);
        }

        @Override
        public void compact() {
            tables.compact();
        }

        @Override
        public void close() {
            tables.close();
        }
    }
}
