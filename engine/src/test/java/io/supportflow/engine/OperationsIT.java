package io.supportflow.engine;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.engine.Fixtures.rated;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Every row of DESIGN §1 through {@link SupportEngine}, on the standard lifecycle and a MapDB store. */
class OperationsIT {
    @TempDir
    Path dir;
    private Harness harness;
    private SupportEngine engine;

    @BeforeEach
    void start() {
        harness = Harness.onDisk(dir, Lifecycle.standard());
        engine = harness.engine;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static SupportException refusal(Executable command) {
        return catchThrowableOfType(SupportException.class, command::execute);
    }

    @Test
    void openingANewOrderCreatesAnOpenSessionAtVersionOne() {
        Session s = engine.open("o1", body("help"), CUSTOMER);
        assertThat(s.state()).isEqualTo(States.OPEN);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.details().orderId()).isEqualTo("o1");
        assertThat(engine.get("o1")).isEqualTo(s);
        assertThat(engine.history("o1")).extracting(JournalEntry::from, JournalEntry::to)
                .containsExactly(tuple(States.NONE, States.OPEN));
    }

    @Test
    void openingWithAnAgentInTheBodyAssignsIt() {
        Session s = engine.open("o1", body("help").withAgent(Agent.withId("a1")), CUSTOMER);
        assertThat(s.state()).isEqualTo(States.ASSIGNED);
        assertThat(engine.agent("o1").id()).isEqualTo("a1");
        assertThat(engine.agentLoad("a1")).isEqualTo(1);
    }

    @Test
    void openingAnOpenSessionIsAConflictThatChangesNothing() {
        Session before = engine.open("o1", body("help"), CUSTOMER);
        SupportException e = refusal(() -> engine.open("o1", body("again"), CUSTOMER));
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.SESSION_ALREADY_OPEN);
        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.getMessage()).contains(ErrorCode.SESSION_ALREADY_OPEN.nextStep());
        assertThat(engine.get("o1")).isEqualTo(before);
        assertThat(engine.history("o1")).hasSize(1);
    }

    @Test
    void reopeningAClosedSessionOpensItAgainWithoutItsOldAgent() {
        engine.open("o1", body("help").withAgent(Agent.withId("a1")), CUSTOMER);
        engine.close("o1", CUSTOMER);
        Session s = engine.open("o1", body("again"), CUSTOMER);
        assertThat(s.state()).isEqualTo(States.OPEN);
        assertThat(s.agent()).isNull();
        assertThat(s.closedAt()).isNull();
        assertThat(s.version()).isEqualTo(3);
        assertThat(s.details().descriptor().name()).isEqualTo("again");
    }

    @Test
    void gettingAnUnknownOrderIsNotFound() {
        SupportException e = refusal(() -> engine.get("nope"));
        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
        assertThat(e.error().code()).isEqualTo("SUPPORT_NOT_FOUND");
    }

    @Test
    void updateReplacesTheDetailsAndKeepsStateAndAgent() {
        engine.open("o1", body("help").withAgent(Agent.withId("a1")), CUSTOMER);
        Session s = engine.update("o1", body("new").withAgent(Agent.withId("a1")), CUSTOMER);
        assertThat(s.state()).isEqualTo(States.ASSIGNED);
        assertThat(s.details().descriptor().name()).isEqualTo("new");
        assertThat(s.details().chat()).isEqualTo(body("x").chat());
        assertThat(s.agent().id()).isEqualTo("a1");
        assertThat(s.version()).isEqualTo(2);
    }

    @Test
    void updateInOpenKeepsTheStateOpen() {
        engine.open("o1", body("help"), CUSTOMER);
        assertThat(engine.update("o1", body("new"), CUSTOMER).state()).isEqualTo(States.OPEN);
    }

    @Test
    void updateWithAnotherAgentIsBadInputPointingToTheAgentResource() {
        engine.open("o1", body("help"), CUSTOMER);
        SupportException e = refusal(() -> engine.update("o1", body("x").withAgent(Agent.withId("a2")), CUSTOMER));
        assertThat(e).isInstanceOf(BadInputException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AGENT_CHANGE_NOT_ALLOWED);
        assertThat(e.getMessage()).contains("/agent");
        assertThat(e.paths()).isEqualTo("agent");
    }

    @Test
    void updatingAClosedSessionIsAConflict() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.close("o1", CUSTOMER);
        assertThat(refusal(() -> engine.update("o1", body("x"), CUSTOMER)).code()).isEqualTo(ErrorCode.SESSION_CLOSED);
    }

    @Test
    void updatingAnUnknownOrderIsNotFound() {
        assertThat(refusal(() -> engine.update("nope", body("x"), CUSTOMER)).code())
                .isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
    }

    @Test
    void closingAnOpenSessionClosesIt() {
        engine.open("o1", body("help"), CUSTOMER);
        Session s = engine.close("o1", CUSTOMER);
        assertThat(s.state()).isEqualTo(States.CLOSED);
        assertThat(s.closedAt()).isEqualTo(harness.clock.instant());
    }

    @Test
    void closingAnAssignedSessionEndsItsAssignmentAsSessionClosed() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        Session s = engine.close("o1", CUSTOMER);
        assertThat(s.agent()).isNull();
        assertThat(engine.agentLoad("a1")).isZero();
        assertThat(engine.sessionsOfAgent("a1")).isEmpty();
        assertThat(engine.history("o1")).last().extracting(JournalEntry::to).isEqualTo(States.CLOSED);
    }

    @Test
    void closingAClosedSessionIsAnIdempotentNoOp() {
        engine.open("o1", body("help"), CUSTOMER);
        Session closed = engine.close("o1", CUSTOMER);
        assertThat(engine.close("o1", CUSTOMER)).isEqualTo(closed);
        assertThat(engine.history("o1")).hasSize(2);
    }

    @Test
    void theAgentOfASessionWithoutOneIsNotFoundWithItsOwnCode() {
        engine.open("o1", body("help"), CUSTOMER);
        SupportException noAgent = refusal(() -> engine.agent("o1"));
        SupportException noSession = refusal(() -> engine.agent("nope"));
        assertThat(noAgent).isInstanceOf(NotFoundException.class);
        assertThat(noAgent.code()).isEqualTo(ErrorCode.AGENT_NOT_FOUND);
        assertThat(noSession.code()).isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
    }

    @Test
    void assigningInOpenMovesToAssigned() {
        engine.open("o1", body("help"), CUSTOMER);
        Session s = engine.assign("o1", rated("a1", "4.5"), SUPERVISOR);
        assertThat(s.state()).isEqualTo(States.ASSIGNED);
        assertThat(engine.agent("o1")).isEqualTo(rated("a1", "4.5"));
        assertThat(engine.sessionsOfAgent("a1")).extracting(Session::orderId).containsExactly("o1");
    }

    @Test
    void assigningTheSameAgentIdUpdatesItsDetailsWithoutANewAssignment() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        Session s = engine.assign("o1", rated("a1", "4.9"), SUPERVISOR);
        assertThat(s.agent().rating()).isEqualTo("4.9");
        assertThat(engine.agentLoad("a1")).isEqualTo(1);
        assertThat(engine.history("o1").get(2).effects()).containsExactly(Effect.UPDATE_AGENT);
    }

    @Test
    void assigningAnotherAgentReassignsAndEndsTheOldAssignmentAsReassigned() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        engine.assign("o1", Agent.withId("a2"), SUPERVISOR);
        assertThat(engine.agent("o1").id()).isEqualTo("a2");
        assertThat(engine.agentLoad("a1")).isZero();
        assertThat(engine.agentLoad("a2")).isEqualTo(1);
    }

    @Test
    void assigningOnAClosedSessionIsAConflict() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.close("o1", CUSTOMER);
        SupportException e = refusal(() -> engine.assign("o1", Agent.withId("a1"), SUPERVISOR));
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.SESSION_CLOSED);
    }

    @Test
    void assigningAnAgentWithoutAnIdIsBadInput() {
        engine.open("o1", body("help"), CUSTOMER);
        SupportException e = refusal(() -> engine.assign("o1", new Agent(null, null, null, null, null), SUPERVISOR));
        assertThat(e).isInstanceOf(BadInputException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AGENT_ID_REQUIRED);
        assertThat(e.paths()).isEqualTo("agent.id");
    }

    @Test
    void unassigningMovesBackToOpenAndEndsTheAssignmentAsRemoved() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        Session s = engine.unassign("o1", SUPERVISOR);
        assertThat(s.state()).isEqualTo(States.OPEN);
        assertThat(s.agent()).isNull();
        assertThat(engine.agentLoad("a1")).isZero();
    }

    @Test
    void unassigningWithoutAnAgentIsAnIdempotentNoOp() {
        Session open = engine.open("o1", body("help"), CUSTOMER);
        assertThat(engine.unassign("o1", SUPERVISOR)).isEqualTo(open);
        assertThat(engine.history("o1")).hasSize(1);
    }

    @Test
    void sessionsAreListedByStateAndByAgent() {
        engine.open("o1", body("a"), CUSTOMER);
        engine.open("o2", body("b").withAgent(Agent.withId("a1")), CUSTOMER);
        engine.open("o3", body("c").withAgent(Agent.withId("a1")), CUSTOMER);
        engine.close("o3", CUSTOMER);
        assertThat(engine.sessionsInState(States.OPEN)).extracting(Session::orderId).containsExactly("o1");
        assertThat(engine.sessionsInState(States.ASSIGNED)).extracting(Session::orderId).containsExactly("o2");
        assertThat(engine.sessionsInState(States.CLOSED)).extracting(Session::orderId).containsExactly("o3");
        assertThat(engine.sessionsOfAgent("a1")).extracting(Session::orderId).containsExactly("o2");
        assertThat(refusal(() -> engine.sessionsInState("LOST")).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void historyListsOneEntryPerAcceptedCommandWithEventStatesVersionTimeAndActor() {
        engine.open("o1", body("help"), CUSTOMER);
        harness.clock.advance(java.time.Duration.ofMinutes(5));
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        assertThat(engine.history("o1")).extracting(JournalEntry::event, JournalEntry::from, JournalEntry::to,
                        JournalEntry::version, JournalEntry::at, JournalEntry::actor)
                .containsExactly(tuple("open", "NONE", "OPEN", 1L, Fixtures.T0, CUSTOMER),
                        tuple("assign", "OPEN", "ASSIGNED", 2L, Fixtures.T0.plusSeconds(300), SUPERVISOR));
        assertThat(refusal(() -> engine.history("nope")).code()).isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheCurrentOneIsAccepted() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.update("o1", body("v2"), CUSTOMER);
        SupportException e = refusal(() -> engine.execute(new Command.Update("o1", body("stale"), CUSTOMER), 1));
        assertThat(e).isInstanceOf(VersionMismatchException.class);
        assertThat(e.httpStatus()).isEqualTo(412);
        assertThat(e.getMessage()).contains("version 2");
        assertThat(engine.execute(new Command.Update("o1", body("fresh"), CUSTOMER), 2).version()).isEqualTo(3);
        assertThat(engine.execute(new Command.Open("o2", body("new"), CUSTOMER), 0).version()).isEqualTo(1);
    }

    @Test
    void aBlankOrderIdIsBadInputForCommandsAndQueries() {
        SupportException command = refusal(() -> engine.open(" ", body("x"), CUSTOMER));
        SupportException query = refusal(() -> engine.get(" "));
        assertThat(command).isInstanceOf(BadInputException.class);
        assertThat(query).isInstanceOf(BadInputException.class);
        assertThat(command.paths()).isEqualTo("orderId");
        assertThat(query.paths()).isEqualTo("orderId");
    }

    @Test
    void everyAcceptedCommandReachesTheListenerOnceTheOutboxIsDelivered() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        engine.close("o1", CUSTOMER);
        engine.close("o1", CUSTOMER);
        assertThat(harness.delivered).isEmpty();
        assertThat(engine.deliverOutbox()).isEqualTo(3);
        assertThat(harness.delivered).extracting(TransitionEvent::event, TransitionEvent::from, TransitionEvent::to,
                        TransitionEvent::version)
                .containsExactly(tuple("open", "NONE", "OPEN", 1L), tuple("assign", "OPEN", "ASSIGNED", 2L),
                        tuple("close", "ASSIGNED", "CLOSED", 3L));
        assertThat(engine.deliverOutbox()).isZero();
    }

    @Test
    void assignmentHistoryRecordsEveryEndReason() {
        engine.open("o1", body("help"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        engine.assign("o1", Agent.withId("a2"), SUPERVISOR);
        engine.unassign("o1", SUPERVISOR);
        engine.assign("o1", Agent.withId("a3"), SUPERVISOR);
        engine.close("o1", CUSTOMER);
        assertThat(engine.assignments("o1")).extracting(Assignment::agentId, Assignment::endReason)
                .containsExactly(tuple("a1", Assignment.EndReason.REASSIGNED), tuple("a2", Assignment.EndReason.REMOVED),
                        tuple("a3", Assignment.EndReason.SESSION_CLOSED));
        assertThat(refusal(() -> engine.assignments("nope")).code()).isEqualTo(ErrorCode.SUPPORT_NOT_FOUND);
    }
}
