package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine logs through slf4j (slf4j-simple writes to System.err, read at each line). */
class LoggingTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(original);
    }

    private String log() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHappyPathLogsNothingAtWarnOrAbove() {
        Lifecycle idle = Lifecycle.standard().extend("idle").policies(p -> p.withIdleTimeout(Duration.ofMinutes(5)))
                .build();
        try (SupportEngine engine = SupportEngine.builder().lifecycle(idle).store(Stores.inMemory()).clock(clock)
                .listener(event -> { }).manualScheduling().build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
            engine.update("o1", body("y"), CUSTOMER);
            engine.unassign("o1", SUPERVISOR);
            engine.unassign("o1", SUPERVISOR);
            engine.close("o1", CUSTOMER);
            engine.open("o1", body("z"), CUSTOMER);
            clock.advance(Duration.ofMinutes(5));
            assertThat(engine.fireDueTimers()).isEqualTo(1);
            assertThat(engine.deliverOutbox()).isEqualTo(7);
        }
        assertThat(log()).doesNotContain("WARN").doesNotContain("ERROR");
    }

    @Test
    void aRefusalIsLoggedAtInfoWithItsCodeAndMessage() {
        try (SupportEngine engine = SupportEngine.builder().store(Stores.inMemory()).clock(clock).manualScheduling()
                .build()) {
            engine.open("o1", body("x"), CUSTOMER);
            assertThatThrownBy(() -> engine.open("o1", body("x"), CUSTOMER)).isInstanceOf(ConflictException.class);
        }
        assertThat(log()).contains("INFO io.supportflow.engine.SupportEngine - order o1: open by CUSTOMER refused, "
                + "SESSION_ALREADY_OPEN: order o1: open is not allowed in state OPEN.");
    }

    @Test
    void aFailingListenerIsLoggedAtWarnWithTheOrderAndVersion() {
        try (SupportEngine engine = SupportEngine.builder().store(Stores.inMemory()).clock(clock).manualScheduling()
                .listener(event -> {
                    throw new IllegalStateException("down");
                }).build()) {
            engine.open("o1", body("x"), CUSTOMER);
            engine.deliverOutbox();
        }
        assertThat(log()).contains("WARN io.supportflow.engine.SupportEngine - listener")
                .contains("failed on order o1 version 1; it will be retried").contains("IllegalStateException: down");
    }
}
