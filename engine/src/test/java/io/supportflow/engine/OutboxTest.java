package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Lifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@Timeout(60)
class OutboxTest {
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final List<TransitionEvent> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    /** Records the events it takes; throws on its first {@code failures} calls for order o1. */
    private TransitionListener failingOnO1(int failures) {
        return event -> {
            if (event.orderId().equals("o1") && attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("listener down");
            }
            delivered.add(event);
        };
    }

    private SupportEngine.Builder manual() {
        return SupportEngine.builder().store(Stores.inMemory()).clock(clock).manualScheduling()
                .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void eventsCarryOrderEventStatesVersionTimeAndActorAndAreAcknowledgedOnce() {
        try (SupportEngine engine = manual().listener(delivered::add).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            clock.advance(Duration.ofMinutes(1));
            engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
            assertThat(engine.deliverOutbox()).isEqualTo(2);
            assertThat(delivered).containsExactly(
                    new TransitionEvent("o1", "open", "NONE", "OPEN", 1, Fixtures.T0, CUSTOMER),
                    new TransitionEvent("o1", "assign", "OPEN", "ASSIGNED", 2, Fixtures.T0.plusSeconds(60), SUPERVISOR));
            assertThat(engine.deliverOutbox()).isZero();
            assertThat(delivered).hasSize(2);
        }
    }

    @Test
    void aFailingOrderWaitsWithBackoffWhileOtherOrdersAreDelivered() {
        try (SupportEngine engine = manual().listener(failingOnO1(2)).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.open("o2", body("x"), CUSTOMER);
            engine.close("o1", CUSTOMER);
            assertThat(engine.deliverOutbox()).isEqualTo(1);
            assertThat(delivered).extracting(TransitionEvent::orderId).containsExactly("o2");
            assertThat(engine.deliverOutbox()).isZero();
            assertThat(attempts).hasValue(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.deliverOutbox()).isZero();
            assertThat(attempts).hasValue(2);
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.deliverOutbox()).isZero();
            assertThat(attempts).as("the second retry waits twice as long").hasValue(2);
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.deliverOutbox()).isEqualTo(2);
            assertThat(delivered).extracting(TransitionEvent::orderId, TransitionEvent::version)
                    .containsExactly(tuple("o2", 1L), tuple("o1", 1L), tuple("o1", 2L));
        }
    }

    @Test
    void aHealthyListenerIsNotGivenAnEventAgainWhileAnotherListenerIsRetried() {
        List<TransitionEvent> healthy = new CopyOnWriteArrayList<>();
        try (SupportEngine engine = manual().listener(healthy::add).listener(failingOnO1(1)).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.deliverOutbox();
            clock.advance(Duration.ofSeconds(1));
            engine.deliverOutbox();
            assertThat(healthy).hasSize(1);
            assertThat(delivered).isEqualTo(healthy);
        }
    }

    @Test
    void aStuckListenerNeverBlocksCommandsAndCatchesUpWhenItRecovers() throws InterruptedException {
        CountDownLatch recover = new CountDownLatch(1);
        CountDownLatch allSeen = new CountDownLatch(3);
        TransitionListener stuckUntilRecovered = event -> {
            recover.await();
            allSeen.countDown();
        };
        try (SupportEngine engine = SupportEngine.builder().store(Stores.inMemory()).clock(clock)
                .pollInterval(Duration.ofHours(1)).listener(stuckUntilRecovered).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.update("o1", body("y"), CUSTOMER);
            assertThat(engine.close("o1", CUSTOMER).version()).isEqualTo(3);
            recover.countDown();
            allSeen.await();
        }
    }

    @Test
    void withoutListenersTheOutboxIsStillDrained() {
        try (SupportEngine engine = manual().build()) {
            engine.open("o1", body("x"), CUSTOMER);
            assertThat(engine.deliverOutbox()).isEqualTo(1);
            assertThat(engine.deliverOutbox()).isZero();
        }
    }

    @Test
    void deliveryGoesOnPastOneWindowOfEvents() {
        try (SupportEngine engine = manual().listener(delivered::add).build()) {
            for (int i = 0; i < 300; i++) {
                engine.open("o" + i, body("x"), CUSTOMER);
            }
            assertThat(engine.deliverOutbox()).isEqualTo(300);
            assertThat(delivered).extracting(TransitionEvent::orderId).doesNotHaveDuplicates().hasSize(300);
        }
    }

    @Test
    void aLifecycleWithoutIdleTimeoutHasNothingForTheTimersToDo() {
        try (SupportEngine engine = manual().lifecycle(Lifecycle.standard()).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            clock.advance(Duration.ofDays(30));
            assertThat(engine.fireDueTimers()).isZero();
        }
    }
}
