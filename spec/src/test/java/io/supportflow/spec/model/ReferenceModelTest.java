package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.rating.RatingExpression;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

class ReferenceModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ReferenceModel model = new ReferenceModel(Lifecycle.standard(), T0);

    private static Support body(String name) {
        return new Support(Descriptor.named(name), null, "+49 30 1234567", new Chat("https://chat.example/1", "s1"),
                null, null);
    }

    private Outcome open(String order) {
        return model.apply(new Command.Open(order, body("help"), CUSTOMER));
    }

    private Outcome assign(String order, String agent) {
        return model.apply(new Command.Assign(order, Agent.withId(agent), Actor.SUPERVISOR));
    }

    private static ErrorCode code(Outcome o) {
        assertThat(o).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) o).code();
    }

    @Test
    void openingANewOrderCreatesAnOpenSessionAtVersionOne() {
        Outcome o = open("o1");
        assertThat(o).isInstanceOf(Outcome.Accepted.class);
        Session s = model.session("o1").orElseThrow();
        assertThat(s.state()).isEqualTo(States.OPEN);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.details().orderId()).isEqualTo("o1");
        assertThat(model.journal("o1")).singleElement()
                .satisfies(e -> assertThat(e.from() + ">" + e.to()).isEqualTo("NONE>OPEN"));
    }

    @Test
    void openingWithAnAgentInTheBodyAssignsIt() {
        model.apply(new Command.Open("o1", body("x").withAgent(Agent.withId("a1")), CUSTOMER));
        Session s = model.session("o1").orElseThrow();
        assertThat(s.state()).isEqualTo(States.ASSIGNED);
        assertThat(s.agent().id()).isEqualTo("a1");
        assertThat(s.details().agent()).isNull();
        assertThat(model.agentLoad("a1")).isEqualTo(1);
    }

    @Test
    void openingAnOpenSessionIsAConflict() {
        open("o1");
        assertThat(code(open("o1"))).isEqualTo(ErrorCode.SESSION_ALREADY_OPEN);
        assertThat(model.session("o1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void commandsOnAnUnknownOrderAreNotFound() {
        assertThat(code(model.apply(new Command.Close("nope", CUSTOMER)))).isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
        assertThat(code(assign("nope", "a1"))).isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
        assertThat(model.session("nope")).isEmpty();
    }

    @Test
    void updateReplacesDetailsAndKeepsStateAndAgent() {
        open("o1");
        assign("o1", "a1");
        model.apply(new Command.Update("o1", body("new"), CUSTOMER));
        Session s = model.session("o1").orElseThrow();
        assertThat(s.state()).isEqualTo(States.ASSIGNED);
        assertThat(s.details().descriptor().name()).isEqualTo("new");
        assertThat(s.agent().id()).isEqualTo("a1");
        assertThat(s.version()).isEqualTo(3);
    }

    @Test
    void updateWithAnotherAgentIsRejectedAndPointsToTheAgentResource() {
        open("o1");
        Outcome o = model.apply(new Command.Update("o1", body("x").withAgent(Agent.withId("a2")), CUSTOMER));
        assertThat(code(o)).isEqualTo(ErrorCode.AGENT_CHANGE_NOT_ALLOWED);
        assertThat(((Outcome.Refused) o).message()).contains("/agent");
    }

    @Test
    void updatingAClosedSessionIsAConflict() {
        open("o1");
        model.apply(new Command.Close("o1", CUSTOMER));
        assertThat(code(model.apply(new Command.Update("o1", body("x"), CUSTOMER)))).isEqualTo(ErrorCode.SESSION_CLOSED);
    }

    @Test
    void closingEndsTheActiveAssignmentAsSessionClosed() {
        open("o1");
        assign("o1", "a1");
        model.apply(new Command.Close("o1", CUSTOMER));
        Session s = model.session("o1").orElseThrow();
        assertThat(s.state()).isEqualTo(States.CLOSED);
        assertThat(s.agent()).isNull();
        assertThat(model.assignments("o1")).singleElement()
                .satisfies(a -> assertThat(a.endReason()).isEqualTo(Assignment.EndReason.SESSION_CLOSED));
        assertThat(model.agentLoad("a1")).isZero();
    }

    @Test
    void closingAClosedSessionIsANoOp() {
        open("o1");
        model.apply(new Command.Close("o1", CUSTOMER));
        Outcome o = model.apply(new Command.Close("o1", CUSTOMER));
        assertThat(o).isInstanceOf(Outcome.Unchanged.class);
        assertThat(model.journal("o1")).hasSize(2);
    }

    @Test
    void assigningTheSameAgentUpdatesItsDetailsWithoutANewAssignment() {
        open("o1");
        assign("o1", "a1");
        model.apply(new Command.Assign("o1", new Agent("a1", null, null, null, "4.5"), Actor.SUPERVISOR));
        assertThat(model.session("o1").orElseThrow().agent().rating()).isEqualTo("4.5");
        assertThat(model.assignments("o1")).hasSize(1);
        assertThat(model.journal("o1").get(2).effects()).extracting(Enum::name).containsExactly("UPDATE_AGENT");
    }

    @Test
    void assigningAnotherAgentEndsTheOldAssignmentAsReassigned() {
        open("o1");
        assign("o1", "a1");
        assign("o1", "a2");
        assertThat(model.assignments("o1")).extracting(Assignment::agentId, Assignment::endReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", Assignment.EndReason.REASSIGNED),
                        org.assertj.core.groups.Tuple.tuple("a2", null));
        assertThat(model.agentLoad("a1")).isZero();
        assertThat(model.agentLoad("a2")).isEqualTo(1);
    }

    @Test
    void assigningWithoutAnAgentIdIsBadInput() {
        open("o1");
        assertThat(code(model.apply(new Command.Assign("o1", new Agent(null, null, null, null, null), CUSTOMER))))
                .isEqualTo(ErrorCode.AGENT_ID_REQUIRED);
    }

    @Test
    void assigningOnAClosedSessionIsAConflict() {
        open("o1");
        model.apply(new Command.Close("o1", CUSTOMER));
        assertThat(code(assign("o1", "a1"))).isEqualTo(ErrorCode.SESSION_CLOSED);
    }

    @Test
    void unassigningEndsTheAssignmentAsRemovedAndUnassigningAgainIsANoOp() {
        open("o1");
        assign("o1", "a1");
        model.apply(new Command.Unassign("o1", CUSTOMER));
        assertThat(model.session("o1").orElseThrow().state()).isEqualTo(States.OPEN);
        assertThat(model.assignments("o1").get(0).endReason()).isEqualTo(Assignment.EndReason.REMOVED);
        assertThat(model.apply(new Command.Unassign("o1", CUSTOMER))).isInstanceOf(Outcome.Unchanged.class);
    }

    @Test
    void reopeningAClosedSessionStartsAgainWithoutTheOldAgent() {
        open("o1");
        assign("o1", "a1");
        model.apply(new Command.Close("o1", CUSTOMER));
        assertThat(open("o1")).isInstanceOf(Outcome.Accepted.class);
        Session s = model.session("o1").orElseThrow();
        assertThat(s.state()).isEqualTo(States.OPEN);
        assertThat(s.agent()).isNull();
        assertThat(s.closedAt()).isNull();
    }

    @Test
    void reopenPolicyNeverRefusesAndWithinAWindowExpires() {
        ReferenceModel never = new ReferenceModel(Lifecycle.standard().extend("never")
                .policies(p -> p.withReopen(ReopenPolicy.never())).build(), T0);
        never.apply(new Command.Open("o1", body("x"), CUSTOMER));
        never.apply(new Command.Close("o1", CUSTOMER));
        assertThat(code(never.apply(new Command.Open("o1", body("x"), CUSTOMER)))).isEqualTo(ErrorCode.REOPEN_NOT_ALLOWED);

        ReferenceModel window = new ReferenceModel(Lifecycle.standard().extend("window")
                .policies(p -> p.withReopen(ReopenPolicy.within(Duration.ofHours(1)))).build(), T0);
        window.apply(new Command.Open("o1", body("x"), CUSTOMER));
        window.apply(new Command.Close("o1", CUSTOMER));
        window.advanceClock(Duration.ofMinutes(61));
        assertThat(code(window.apply(new Command.Open("o1", body("x"), CUSTOMER)))).isEqualTo(ErrorCode.REOPEN_NOT_ALLOWED);
    }

    @Test
    void capacityRefusesTheAssignmentThatWouldExceedIt() {
        ReferenceModel m = new ReferenceModel(Lifecycle.standard().extend("cap")
                .policies(p -> p.withAgentCapacity(1)).build(), T0);
        m.apply(new Command.Open("o1", body("x"), CUSTOMER));
        m.apply(new Command.Open("o2", body("x"), CUSTOMER));
        m.apply(new Command.Assign("o1", Agent.withId("a1"), CUSTOMER));
        assertThat(code(m.apply(new Command.Assign("o2", Agent.withId("a1"), CUSTOMER))))
                .isEqualTo(ErrorCode.AGENT_AT_CAPACITY);
        assertThat(m.agentLoad("a1")).isEqualTo(1);
    }

    @Test
    void minimumRatingRefusesAnAgentBelowIt() {
        ReferenceModel m = new ReferenceModel(Lifecycle.standard().extend("rated")
                .policies(p -> p.withMinimumRating(RatingExpression.parse("gte 4"))).build(), T0);
        m.apply(new Command.Open("o1", body("x"), CUSTOMER));
        assertThat(code(m.apply(new Command.Assign("o1", new Agent("a1", null, null, null, "3.5"), CUSTOMER))))
                .isEqualTo(ErrorCode.AGENT_RATING_TOO_LOW);
        assertThat(m.apply(new Command.Assign("o1", new Agent("a2", null, null, null, "4.5"), CUSTOMER)))
                .isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void actorPermissionsRefuseOtherActors() {
        ReferenceModel m = new ReferenceModel(Lifecycle.standard().extend("perm")
                .policies(p -> p.permitting(Events.CLOSE, Actor.SUPERVISOR)).build(), T0);
        m.apply(new Command.Open("o1", body("x"), CUSTOMER));
        assertThat(code(m.apply(new Command.Close("o1", CUSTOMER)))).isEqualTo(ErrorCode.ACTOR_NOT_PERMITTED);
        assertThat(m.apply(new Command.Close("o1", Actor.SUPERVISOR))).isInstanceOf(Outcome.Accepted.class);
    }

    @Test
    void idleTimeoutClosesTheSessionAndExpiresTheAssignment() {
        ReferenceModel m = new ReferenceModel(Lifecycle.standard().extend("idle")
                .policies(p -> p.withIdleTimeout(Duration.ofMinutes(30))).build(), T0);
        m.apply(new Command.Open("o1", body("x"), CUSTOMER));
        m.apply(new Command.Assign("o1", Agent.withId("a1"), CUSTOMER));
        assertThat(m.advanceClock(Duration.ofMinutes(29))).isEmpty();
        assertThat(m.advanceClock(Duration.ofMinutes(1))).singleElement().isInstanceOf(Outcome.Accepted.class);
        Session s = m.session("o1").orElseThrow();
        assertThat(s.state()).isEqualTo(States.CLOSED);
        assertThat(s.idleDeadline()).isNull();
        assertThat(m.assignments("o1").get(0).endReason()).isEqualTo(Assignment.EndReason.EXPIRED);
    }

    @Test
    void assignNextPicksTheLeastLoadedRegisteredAgent() {
        ReferenceModel m = new ReferenceModel(Lifecycle.standard().extend("ll")
                .policies(p -> p.withAssignment(AssignmentStrategy.LEAST_LOADED)).build(), T0);
        m.registerAgent(new AgentProfile("a1", null, true, Agent.withId("a1")));
        m.registerAgent(new AgentProfile("a2", null, true, Agent.withId("a2")));
        m.apply(new Command.Open("o1", body("x"), CUSTOMER));
        m.apply(new Command.Open("o2", body("x"), CUSTOMER));
        m.apply(new Command.AssignNext("o1", Actor.SYSTEM));
        m.apply(new Command.AssignNext("o2", Actor.SYSTEM));
        assertThat(m.session("o1").orElseThrow().agent().id()).isEqualTo("a1");
        assertThat(m.session("o2").orElseThrow().agent().id()).isEqualTo("a2");
    }

    @Test
    void assignNextUnderExplicitStrategyIsRefused() {
        open("o1");
        assertThat(code(model.apply(new Command.AssignNext("o1", Actor.SYSTEM))))
                .isEqualTo(ErrorCode.EXPLICIT_ASSIGNMENT_ONLY);
    }

    @Test
    void replayingTheJournalReproducesTheSessionAndAssignments() {
        open("o1");
        assign("o1", "a1");
        assign("o1", "a2");
        model.apply(new Command.Update("o1", body("y"), CUSTOMER));
        model.apply(new Command.Close("o1", CUSTOMER));
        open("o1");
        Replayed r = Semantics.replay(Lifecycle.standard(), model.journal("o1"));
        assertThat(r.session()).isEqualTo(model.session("o1").orElseThrow());
        assertThat(r.assignments()).isEqualTo(model.assignments("o1"));
    }

    @Test
    void invalidInputIsRefusedWithThePathOfEveryBadFieldAndChangesNothing() {
        open("o1");
        Support bad = new Support(null, null, "call me", new Chat("not a url", null), null, null);
        Outcome o = model.apply(new Command.Update("o1", bad, CUSTOMER));
        assertThat(code(o)).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(((Outcome.Refused) o).paths()).isEqualTo("support.callback_phone, support.chat.url");
        assertThat(model.session("o1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anOrderIdOutsideTheCharacterSetIsInvalidInput() {
        assertThat(code(model.apply(new Command.Open("a/b", body("x"), CUSTOMER)))).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(model.sessions()).isEmpty();
    }

    @Test
    void aRegisteredAgentIsJudgedByItsRegisteredRatingNotTheOneTheCommandClaims() {
        ReferenceModel m = new ReferenceModel(Lifecycle.standard().extend("rated")
                .policies(p -> p.withMinimumRating(RatingExpression.parse("gte 4"))).build(), T0);
        m.registerAgent(new AgentProfile("a1", null, true, new Agent("a1", null, null, null, "3")));
        m.apply(new Command.Open("o1", body("x"), CUSTOMER));
        assertThat(code(m.apply(new Command.Assign("o1", new Agent("a1", null, null, null, "5"), CUSTOMER))))
                .isEqualTo(ErrorCode.AGENT_RATING_TOO_LOW);
    }
}
