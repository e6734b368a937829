package io.supportflow.engine;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.rating.RatingExpression;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.engine.Fixtures.rated;
import static io.supportflow.spec.lifecycle.Actor.CUSTOMER;
import static io.supportflow.spec.lifecycle.Actor.SUPERVISOR;
import static io.supportflow.spec.lifecycle.Actor.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every policy of the lifecycle, through {@link SupportEngine} on a MapDB store. */
class PoliciesIT {
    @TempDir
    Path dir;
    private Harness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    private SupportEngine engineWith(UnaryOperator<Policies> policies) {
        harness = Harness.onDisk(dir, Lifecycle.standard().extend("custom").policies(policies).build());
        return harness.engine;
    }

    private static SupportException refusal(Executable command) {
        return catchThrowableOfType(SupportException.class, command::execute);
    }

    private static AgentProfile profile(String id, Integer capacity, boolean available) {
        return new AgentProfile(id, capacity, available, Agent.withId(id));
    }

    @Test
    void anAgentAtThePolicyCapacityIsRefusedAndAFreedSlotCanBeTakenAgain() {
        SupportEngine engine = engineWith(p -> p.withAgentCapacity(1));
        engine.open("o1", body("x"), CUSTOMER);
        engine.open("o2", body("x"), CUSTOMER);
        engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        SupportException e = refusal(() -> engine.assign("o2", Agent.withId("a1"), SUPERVISOR));
        assertThat(e).isInstanceOf(RuleRefusedException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AGENT_AT_CAPACITY);
        assertThat(e.httpStatus()).isEqualTo(422);
        assertThat(engine.get("o2").state()).isEqualTo(States.OPEN);
        engine.close("o1", CUSTOMER);
        assertThat(engine.assign("o2", Agent.withId("a1"), SUPERVISOR).state()).isEqualTo(States.ASSIGNED);
    }

    @Test
    void aRegisteredCapacityOverridesThePolicyDefault() {
        SupportEngine engine = engineWith(p -> p.withAgentCapacity(5));
        engine.registerAgent(profile("a1", 1, true));
        engine.open("o1", body("x").withAgent(Agent.withId("a1")), CUSTOMER);
        assertThat(refusal(() -> engine.open("o2", body("x").withAgent(Agent.withId("a1")), CUSTOMER)).code())
                .isEqualTo(ErrorCode.AGENT_AT_CAPACITY);
        assertThat(engine.sessionsInState(States.OPEN)).isEmpty();
    }

    @Test
    void reassigningWithinTheSameOrderDoesNotCountTheOrdersOwnAssignment() {
        SupportEngine engine = engineWith(p -> p.withAgentCapacity(1));
        engine.open("o1", body("x").withAgent(Agent.withId("a1")), CUSTOMER);
        assertThat(engine.assign("o1", rated("a1", "5"), SUPERVISOR).agent().rating()).isEqualTo("5");
    }

    @Test
    void anUnavailableAgentIsRefusedUntilMadeAvailable() {
        SupportEngine engine = engineWith(UnaryOperator.identity());
        engine.registerAgent(profile("a1", null, false));
        engine.open("o1", body("x"), CUSTOMER);
        assertThat(refusal(() -> engine.assign("o1", Agent.withId("a1"), SUPERVISOR)).code())
                .isEqualTo(ErrorCode.AGENT_UNAVAILABLE);
        engine.setAgentAvailable("a1", true);
        assertThat(engine.assign("o1", Agent.withId("a1"), SUPERVISOR).state()).isEqualTo(States.ASSIGNED);
        assertThat(refusal(() -> engine.setAgentAvailable("ghost", true)).code()).isEqualTo(ErrorCode.AGENT_NOT_FOUND);
    }

    @Test
    void registeringAnAgentWithAnInvalidRatingIsBadInput() {
        SupportEngine engine = engineWith(UnaryOperator.identity());
        SupportException e = refusal(() -> engine.registerAgent(new AgentProfile("a1", null, true, rated("a1", "great"))));
        assertThat(e).isInstanceOf(BadInputException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.paths()).isEqualTo("agent.rating");
        assertThat(engine.agents()).isEmpty();
    }

    @Test
    void anAgentBelowTheMinimumRatingIsRefused() {
        SupportEngine engine = engineWith(p -> p.withMinimumRating(atLeastFour()));
        engine.open("o1", body("x"), CUSTOMER);
        assertThat(refusal(() -> engine.assign("o1", rated("a1", "3.5"), SUPERVISOR)).code())
                .isEqualTo(ErrorCode.AGENT_RATING_TOO_LOW);
        assertThat(refusal(() -> engine.assign("o1", Agent.withId("a2"), SUPERVISOR)).code())
                .isEqualTo(ErrorCode.AGENT_RATING_TOO_LOW);
        assertThat(engine.assign("o1", rated("a3", "4.5"), SUPERVISOR).agent().id()).isEqualTo("a3");
    }

    @Test
    void aRegisteredAgentsRatingCountsWhenTheCommandNamesOnlyItsId() {
        SupportEngine engine = engineWith(p -> p.withMinimumRating(atLeastFour()));
        engine.registerAgent(new AgentProfile("a1", null, true, rated("a1", "4.8")));
        engine.open("o1", body("x"), CUSTOMER);
        assertThat(engine.assign("o1", Agent.withId("a1"), SUPERVISOR).agent().rating()).isEqualTo("4.8");
    }

    @Test
    void reopenNeverRefusesToReopen() {
        SupportEngine engine = engineWith(p -> p.withReopen(new ReopenPolicy.Never()));
        engine.open("o1", body("x"), CUSTOMER);
        engine.close("o1", CUSTOMER);
        SupportException e = refusal(() -> engine.open("o1", body("x"), CUSTOMER));
        assertThat(e.code()).isEqualTo(ErrorCode.REOPEN_NOT_ALLOWED);
        assertThat(engine.get("o1").state()).isEqualTo(States.CLOSED);
    }

    @Test
    void reopenWithinAWindowAllowsItOnlyUntilTheWindowEnds() {
        SupportEngine engine = engineWith(p -> p.withReopen(new ReopenPolicy.Within(Duration.ofHours(1))));
        engine.open("o1", body("x"), CUSTOMER);
        engine.open("o2", body("x"), CUSTOMER);
        engine.close("o1", CUSTOMER);
        engine.close("o2", CUSTOMER);
        harness.clock.advance(Duration.ofMinutes(60));
        assertThat(engine.open("o1", body("x"), CUSTOMER).state()).isEqualTo(States.OPEN);
        harness.clock.advance(Duration.ofMinutes(1));
        assertThat(refusal(() -> engine.open("o2", body("x"), CUSTOMER)).code()).isEqualTo(ErrorCode.REOPEN_NOT_ALLOWED);
    }

    @Test
    void anActorWithoutPermissionIsForbiddenAndAPermittedOneMayFire() {
        SupportEngine engine = engineWith(p -> p.permitting(Events.CLOSE, SUPERVISOR));
        engine.open("o1", body("x"), CUSTOMER);
        SupportException e = refusal(() -> engine.close("o1", CUSTOMER));
        assertThat(e).isInstanceOf(ForbiddenException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.ACTOR_NOT_PERMITTED);
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(engine.close("o1", SUPERVISOR).state()).isEqualTo(States.CLOSED);
    }

    @Test
    void theIdleTimerClosesAnInactiveSessionAndExpiresItsAssignment() {
        SupportEngine engine = engineWith(p -> p.withIdleTimeout(Duration.ofMinutes(30)));
        engine.open("o1", body("x"), CUSTOMER);
        Session assigned = engine.assign("o1", Agent.withId("a1"), SUPERVISOR);
        assertThat(assigned.idleDeadline()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(30)));
        harness.clock.advance(Duration.ofMinutes(29));
        assertThat(engine.fireDueTimers()).isZero();
        harness.clock.advance(Duration.ofMinutes(1));
        assertThat(engine.fireDueTimers()).isEqualTo(1);
        Session closed = engine.get("o1");
        assertThat(closed.state()).isEqualTo(States.CLOSED);
        assertThat(closed.idleDeadline()).isNull();
        assertThat(engine.assignments("o1")).extracting(Assignment::endReason)
                .containsExactly(Assignment.EndReason.EXPIRED);
        assertThat(engine.history("o1")).last().extracting(JournalEntry::event, JournalEntry::actor)
                .containsExactly(Events.IDLE_TIMEOUT, SYSTEM);
        assertThat(engine.fireDueTimers()).isZero();
    }

    @Test
    void activityPushesTheIdleDeadlineBack() {
        SupportEngine engine = engineWith(p -> p.withIdleTimeout(Duration.ofMinutes(30)));
        engine.open("o1", body("x"), CUSTOMER);
        harness.clock.advance(Duration.ofMinutes(20));
        engine.update("o1", body("y"), CUSTOMER);
        harness.clock.advance(Duration.ofMinutes(20));
        assertThat(engine.fireDueTimers()).isZero();
        harness.clock.advance(Duration.ofMinutes(10));
        assertThat(engine.fireDueTimers()).isEqualTo(1);
        assertThat(engine.get("o1").state()).isEqualTo(States.CLOSED);
    }

    @Test
    void withoutAnIdleTimeoutNoTimerIsArmed() {
        SupportEngine engine = engineWith(UnaryOperator.identity());
        assertThat(engine.open("o1", body("x"), CUSTOMER).idleDeadline()).isNull();
        harness.clock.advance(Duration.ofDays(365));
        assertThat(engine.fireDueTimers()).isZero();
    }

    @Test
    void assignNextUnderTheExplicitStrategyIsRefused() {
        SupportEngine engine = engineWith(UnaryOperator.identity());
        engine.registerAgent(profile("a1", null, true));
        engine.open("o1", body("x"), CUSTOMER);
        assertThat(refusal(() -> engine.assignNext("o1", SYSTEM)).code())
                .isEqualTo(ErrorCode.EXPLICIT_ASSIGNMENT_ONLY);
    }

    @Test
    void roundRobinPicksTheNextRegisteredAgentAfterTheLastOneAndWrapsAround() {
        SupportEngine engine = engineWith(p -> p.withAssignment(AssignmentStrategy.ROUND_ROBIN));
        for (String id : new String[] {"a1", "a2", "a3"}) {
            engine.registerAgent(profile(id, null, true));
        }
        for (int i = 1; i <= 4; i++) {
            engine.open("o" + i, body("x"), CUSTOMER);
        }
        assertThat(new String[] {pick(engine, "o1"), pick(engine, "o2"), pick(engine, "o3"), pick(engine, "o4")})
                .containsExactly("a1", "a2", "a3", "a1");
    }

    @Test
    void leastLoadedPicksTheAgentWithFewestActiveAssignmentsTiesToTheSmallestId() {
        SupportEngine engine = engineWith(p -> p.withAssignment(AssignmentStrategy.LEAST_LOADED));
        for (String id : new String[] {"a1", "a2", "a3"}) {
            engine.registerAgent(profile(id, null, true));
        }
        engine.open("busy1", body("x").withAgent(Agent.withId("a1")), CUSTOMER);
        engine.open("busy2", body("x").withAgent(Agent.withId("a3")), CUSTOMER);
        engine.open("o1", body("x"), CUSTOMER);
        engine.open("o2", body("x"), CUSTOMER);
        assertThat(pick(engine, "o1")).isEqualTo("a2");
        assertThat(pick(engine, "o2")).isEqualTo("a1");
    }

    @Test
    void automaticStrategiesSkipUnavailableFullAndUnderRatedAgentsAndRefuseWhenNoneIsLeft() {
        SupportEngine engine = engineWith(p -> p.withAssignment(AssignmentStrategy.LEAST_LOADED)
                .withMinimumRating(atLeastFour()));
        engine.registerAgent(new AgentProfile("a1", null, false, rated("a1", "5")));
        engine.registerAgent(new AgentProfile("a2", 1, true, rated("a2", "5")));
        engine.registerAgent(new AgentProfile("a3", null, true, rated("a3", "2")));
        engine.open("o1", body("x"), CUSTOMER);
        engine.open("o2", body("x"), CUSTOMER);
        assertThat(pick(engine, "o1")).isEqualTo("a2");
        SupportException e = refusal(() -> engine.assignNext("o2", SYSTEM));
        assertThat(e).isInstanceOf(RuleRefusedException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.NO_AGENT_AVAILABLE);
    }

    @Test
    void autoAssignOnOpenAssignsThePickedAgentAndOpensUnassignedWhenNobodyIsEligible() {
        SupportEngine engine = engineWith(p -> p.withAssignment(AssignmentStrategy.ROUND_ROBIN)
                .withAutoAssignOnOpen(true));
        engine.registerAgent(profile("a1", 1, true));
        Session first = engine.open("o1", body("x"), CUSTOMER);
        Session second = engine.open("o2", body("x"), CUSTOMER);
        assertThat(first.state()).isEqualTo(States.ASSIGNED);
        assertThat(first.agent().id()).isEqualTo("a1");
        assertThat(second.state()).isEqualTo(States.OPEN);
    }

    private static String pick(SupportEngine engine, String orderId) {
        return engine.assignNext(orderId, Actor.SYSTEM).agent().id();
    }

    private static RatingExpression atLeastFour() {
        return RatingExpression.parse("gte 4");
    }
}
