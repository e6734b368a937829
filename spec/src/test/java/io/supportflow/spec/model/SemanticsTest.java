package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.lifecycle.Transition;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SemanticsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A row that assigns but has no guard requiring an agent: "escalate" from OPEN to ASSIGNED. */
    private static final Lifecycle UNGUARDED_ASSIGN = Lifecycle.standard().extend("unguarded")
            .add(Transition.of(States.OPEN, "escalate", States.ASSIGNED).does(Effect.ASSIGN))
            .build();

    @Test
    void aRowThatAssignsIsRefusedWithAgentRequiredWhenTheCommandCarriesNoAgent() {
        ReferenceModel model = new ReferenceModel(UNGUARDED_ASSIGN, T0);
        model.apply(new Command.Open("o1", Support.forOrder("o1"), Actor.CUSTOMER));

        Outcome outcome = model.apply(new Command.Fire("o1", "escalate", null, Actor.CUSTOMER));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Refused.class,
                r -> assertThat(r.code()).isEqualTo(ErrorCode.AGENT_REQUIRED));
        assertThat(model.session("o1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aRowThatAssignsAcceptsTheCommandWhenItCarriesAnAgent() {
        ReferenceModel model = new ReferenceModel(UNGUARDED_ASSIGN, T0);
        model.apply(new Command.Open("o1", Support.forOrder("o1"), Actor.CUSTOMER));

        Outcome outcome = model.apply(new Command.Fire("o1", "escalate", Agent.withId("a1"), Actor.CUSTOMER));

        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        assertThat(model.session("o1").orElseThrow().agent().id()).isEqualTo("a1");
        assertThat(model.agentLoad("a1")).isEqualTo(1);
    }
}
