package io.supportflow.engine;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.StaleVersionException;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.JournalEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two engines on one store stand for two processes on one shared store: each has its own per-order locks and
 * assignment gate, so only the store's checks and the engine's retry keep P8 and P3 between them. The race is
 * staged, not hoped for: the store lets the other engine commit first, right before it commits this engine's batch.
 */
class EnginesSharingAStoreTest {

    @Test
    void p8ACommandThatLosesARaceToAnotherEngineIsDecidedAgainAndAnsweredNormally() {
        SupportStore shared = Stores.inMemory();
        try (SupportEngine other = engine(Lifecycle.standard(), shared);
             SupportEngine engine = engine(Lifecycle.standard(), racing(shared, () ->
                     other.update("o1", body("by the other engine"), CUSTOMER)))) {
            engine.open("o1", body("opened"), CUSTOMER);
            assertThat(engine.update("o1", body("by this engine"), CUSTOMER).version()).isEqualTo(3);
            assertThat(engine.history("o1")).extracting(JournalEntry::version).containsExactly(1L, 2L, 3L);
            assertThat(engine.get("o1").details().descriptor().name()).isEqualTo("by this engine");
        }
    }

    @Test
    void p3AnAssignmentDecidedOnALoadAnotherEngineChangedIsRefusedAtCapacity() {
        Lifecycle capacityOne = Lifecycle.standard().extend("cap1").policies(p -> p.withAgentCapacity(1)).build();
        SupportStore shared = Stores.inMemory();
        try (SupportEngine other = engine(capacityOne, shared);
             SupportEngine engine = engine(capacityOne, racing(shared, () ->
                     other.assign("o2", Agent.withId("a1"), SUPERVISOR)))) {
            other.open("o2", body("two"), CUSTOMER);
            engine.open("o1", body("one"), CUSTOMER);
            assertThatThrownBy(() -> engine.assign("o1", Agent.withId("a1"), SUPERVISOR))
                    .isInstanceOfSatisfying(SupportException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_AT_CAPACITY));
            assertThat(engine.agentLoad("a1")).isEqualTo(1);
            assertThat(engine.sessionsOfAgent("a1")).extracting(s -> s.orderId()).containsExactly("o2");
        }
    }

    private static SupportEngine engine(Lifecycle lifecycle, SupportStore store) {
        return SupportEngine.builder().lifecycle(lifecycle).store(store).clock(new MutableClock(Fixtures.T0))
                .manualScheduling().machinePoolSize(2).build();
    }

    /** {@code store}, where the second batch committed (the first after the order is open) lets {@code race} go first. */
    private static SupportStore racing(SupportStore store, Runnable race) {
        AtomicBoolean opened = new AtomicBoolean();
        AtomicBoolean raced = new AtomicBoolean();
        return new DelegatingStore(store) {
            @Override
            public List<StaleVersionException> commitAll(List<Commit> commits) {
                if (opened.getAndSet(true) && !raced.getAndSet(true)) {
                    race.run();
                }
                return super.commitAll(commits);
            }
        };
    }
}
