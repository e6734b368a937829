package io.supportflow.engine;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.GuardContext;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.model.World;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleMachineTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Lifecycle STANDARD = Lifecycle.standard();

    @Test
    void springChoosesTheSameRowAsATableScanForEveryStateAndCommandOfTheStandardLifecycle() {
        LifecycleMachine machine = LifecycleMachine.of(STANDARD);
        Set<Transition> fired = new HashSet<>();
        for (GuardContext context : contexts(STANDARD)) {
            Optional<Transition> expected = STANDARD.transitionsFrom(context.state(), context.event()).stream()
                    .filter(row -> Semantics.enabled(row, context)).findFirst();
            Optional<Transition> chosen = machine.choose(context);
            assertThat(chosen).as(context.state() + " " + context.command()).isEqualTo(expected);
            chosen.ifPresent(fired::add);
        }
        assertThat(fired).containsExactlyInAnyOrderElementsOf(STANDARD.transitions());
    }

    @Test
    void whenTwoRowsAreEnabledTheFirstInTableOrderFires() {
        Lifecycle ambiguous = Lifecycle.builder("ambiguous").initial("NONE").state("OPEN").state("LEFT")
                .state("RIGHT").finalState("CLOSED")
                .add("NONE", "open", "OPEN")
                .add(Transition.of("OPEN", "go", "LEFT").when(Guard.NO_AGENT))
                .add(Transition.of("OPEN", "go", "RIGHT").when(Guard.NO_AGENT_GIVEN))
                .add("LEFT", "close", "CLOSED")
                .add("RIGHT", "close", "CLOSED")
                .build();
        GuardContext context = new GuardContext(ambiguous, session("OPEN", null), new Command.Fire("o1", "go", null,
                Actor.CUSTOMER), null, new NoWorld(), T0);
        for (int i = 0; i < 20; i++) {
            assertThat(LifecycleMachine.of(ambiguous).choose(context)).map(Transition::target).contains("LEFT");
        }
    }

    @Test
    void anEventWithoutARowInTheStateChoosesNothing() {
        LifecycleMachine machine = LifecycleMachine.of(STANDARD);
        GuardContext context = new GuardContext(STANDARD, session("CLOSED", null),
                new Command.Update("o1", Support.forOrder("o1"), Actor.CUSTOMER), null, new NoWorld(), T0);
        assertThat(machine.choose(context)).isEmpty();
    }

    @Test
    void aGuardThatThrowsSurfacesItsExceptionInsteadOfARefusal() {
        LifecycleMachine machine = LifecycleMachine.of(STANDARD);
        World broken = new NoWorld() {
            @Override
            public Optional<AgentProfile> agent(String agentId) {
                throw new IllegalStateException("store closed");
            }
        };
        GuardContext context = new GuardContext(STANDARD, session("OPEN", null),
                new Command.Assign("o1", Agent.withId("a1"), Actor.CUSTOMER), Agent.withId("a1"), broken, T0);
        assertThatThrownBy(() -> machine.choose(context)).hasMessage("store closed");
    }

    @Test
    void aStateTheDefinitionDoesNotDeclareIsRejected() {
        LifecycleMachine machine = LifecycleMachine.of(STANDARD);
        GuardContext context = new GuardContext(STANDARD, session("ESCALATED", null),
                new Command.Close("o1", Actor.CUSTOMER), null, new NoWorld(), T0);
        assertThatThrownBy(() -> machine.choose(context)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ESCALATED");
    }

    private static List<GuardContext> contexts(Lifecycle definition) {
        List<GuardContext> all = new ArrayList<>();
        Agent a1 = Agent.withId("a1");
        Agent a2 = Agent.withId("a2");
        for (String state : definition.states()) {
            Session session = state.equals(definition.initialState()) ? null
                    : session(state, definition.holdsAgent(state) ? a1 : null);
            for (Agent agent : new Agent[] {null, a1, a2}) {
                for (Command command : commands(agent)) {
                    all.add(new GuardContext(definition, session, command, command.agent(), new NoWorld(), T0));
                }
            }
        }
        return all;
    }

    private static List<Command> commands(Agent agent) {
        Support body = Support.forOrder("o1").withAgent(agent);
        List<Command> commands = new ArrayList<>(List.of(new Command.Open("o1", body, Actor.CUSTOMER),
                new Command.Update("o1", Support.forOrder("o1"), Actor.CUSTOMER),
                new Command.Close("o1", Actor.CUSTOMER), new Command.Unassign("o1", Actor.CUSTOMER),
                new Command.IdleTimeout("o1"), new Command.Fire("o1", Events.ASSIGN, agent, Actor.CUSTOMER)));
        if (agent != null) {
            commands.add(new Command.Assign("o1", agent, Actor.CUSTOMER));
        }
        return commands;
    }

    private static Session session(String state, Agent agent) {
        return new Session("o1", state, 3, Support.forOrder("o1"), agent, T0, T0, state.equals("CLOSED") ? T0 : null,
                null);
    }

    /** No registered agents, no assignments. */
    private static class NoWorld implements World {
        @Override
        public Optional<AgentProfile> agent(String agentId) {
            return Optional.empty();
        }

        @Override
        public List<AgentProfile> agents() {
            return List.of();
        }

        @Override
        public int activeAssignments(String agentId, String exceptOrderId) {
            return 0;
        }

        @Override
        public List<Assignment> activeAssignmentsOf(String orderId) {
            return List.of();
        }

        @Override
        public Optional<String> lastAssignedAgent() {
            return Optional.empty();
        }
    }
}
