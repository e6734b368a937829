package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.Assignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static io.supportflow.spec.lifecycle.Actor.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Timers and undelivered outbox events survive a restart of the engine on the same MapDB directory. */
@Timeout(120)
class RestartIT {
    private static final Lifecycle IDLE_30 = Lifecycle.standard().extend("idle30")
            .policies(p -> p.withIdleTimeout(Duration.ofMinutes(30))).build();

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final List<TransitionEvent> delivered = new CopyOnWriteArrayList<>();

    private SupportEngine.Builder onDisk() {
        return SupportEngine.builder().lifecycle(IDLE_30).store(Stores.openMapDb(dir)).clock(clock);
    }

    @Test
    void idleTimersArmedBeforeARestartFireAfterIt() {
        try (SupportEngine engine = onDisk().manualScheduling().build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
            clock.advance(Duration.ofMinutes(10));
            engine.open("o2", body("x"), CUSTOMER);
        }
        clock.advance(Duration.ofMinutes(25));
        try (SupportEngine engine = onDisk().manualScheduling().build()) {
            assertThat(engine.fireDueTimers()).isEqualTo(1);
            assertThat(engine.get("o1").state()).isEqualTo(States.CLOSED);
            assertThat(engine.assignments("o1")).extracting(Assignment::endReason)
                    .containsExactly(Assignment.EndReason.EXPIRED);
            assertThat(engine.get("o2").state()).isEqualTo(States.OPEN);
            clock.advance(Duration.ofMinutes(5));
            assertThat(engine.fireDueTimers()).isEqualTo(1);
            assertThat(engine.history("o2")).last().extracting(e -> e.event() + " by " + e.actor())
                    .isEqualTo(Events.IDLE_TIMEOUT + " by " + SYSTEM);
        }
    }

    @Test
    void eventsNotDeliveredBeforeARestartAreDeliveredAfterItInVersionOrder() {
        TransitionListener downForO1Version2 = event -> {
            if (event.orderId().equals("o1") && event.version() == 2) {
                throw new IllegalStateException("listener down");
            }
            delivered.add(event);
        };
        try (SupportEngine engine = onDisk().manualScheduling().listener(downForO1Version2).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
            engine.close("o1", CUSTOMER);
            engine.open("o2", body("x"), CUSTOMER);
            assertThat(engine.deliverOutbox()).isEqualTo(2);
        }
        assertThat(delivered).extracting(TransitionEvent::orderId, TransitionEvent::version)
                .containsExactly(tuple("o1", 1L), tuple("o2", 1L));
        delivered.clear();
        try (SupportEngine engine = onDisk().manualScheduling().listener(delivered::add).build()) {
            assertThat(engine.deliverOutbox()).isEqualTo(2);
            assertThat(engine.deliverOutbox()).isZero();
        }
        assertThat(delivered).extracting(TransitionEvent::orderId, TransitionEvent::version, TransitionEvent::event)
                .containsExactly(tuple("o1", 2L, "assign"), tuple("o1", 3L, "close"));
    }

    @Test
    void theBackgroundThreadsResumeTimersAndDeliveryByThemselvesAfterARestart() throws InterruptedException {
        try (SupportEngine engine = onDisk().manualScheduling().build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.open("o2", body("x"), CUSTOMER);
        }
        clock.advance(Duration.ofHours(1));
        CountDownLatch timeoutsDelivered = new CountDownLatch(2);
        TransitionListener listener = event -> {
            delivered.add(event);
            if (event.event().equals(Events.IDLE_TIMEOUT)) {
                timeoutsDelivered.countDown();
            }
        };
        try (SupportEngine engine = onDisk().pollInterval(Duration.ofMillis(10)).listener(listener).build()) {
            timeoutsDelivered.await();
            assertThat(engine.get("o1").state()).isEqualTo(States.CLOSED);
            assertThat(engine.get("o2").state()).isEqualTo(States.CLOSED);
        }
        assertThat(delivered).extracting(TransitionEvent::orderId, TransitionEvent::event)
                .containsExactly(tuple("o1", "open"), tuple("o2", "open"), tuple("o1", Events.IDLE_TIMEOUT),
                        tuple("o2", Events.IDLE_TIMEOUT));
    }
}
