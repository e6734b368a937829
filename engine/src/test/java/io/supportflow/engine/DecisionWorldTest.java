package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DecisionWorldTest {
    private static final Lifecycle CAPACITY_ONE = Lifecycle.standard().extend("capacity-one")
            .policies(p -> p.withAgentCapacity(1)).build();

    @Test
    void aRefusalIsExplainedByTheLoadItsGuardsReadEvenWhenAReleaseCommitsInBetween() {
        AtomicInteger reads = new AtomicInteger();
        DelegatingStore releasedAfterTheFirstRead = new DelegatingStore(Stores.inMemory()) {
            @Override
            public int agentLoad(String agentId) {
                // the agent is full when the guards read it; another process releases it right after
                return reads.incrementAndGet() == 1 ? 1 : super.agentLoad(agentId);
            }
        };
        try (SupportEngine engine = SupportEngine.builder().lifecycle(CAPACITY_ONE).store(releasedAfterTheFirstRead)
                .manualScheduling().build()) {
            engine.open("o1", Support.forOrder("o1"), Actor.CUSTOMER);
            RuleRefusedException refused = catchThrowableOfType(RuleRefusedException.class,
                    () -> engine.assign("o1", Agent.withId("a1"), Actor.SUPERVISOR));
            assertThat(refused.code()).isEqualTo(ErrorCode.AGENT_AT_CAPACITY);
            assertThat(reads).hasValue(1);
        }
    }
}
