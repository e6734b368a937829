package io.supportflow.properties;

import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.rating.RatingExpression;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.ActionChain;

import java.time.Duration;

/**
 * The engine against the reference model on the standard table: every step of a random chain of 8.12 commands
 * (plain and with If-Match), reads, clock moves, restarts and agent availability changes runs on both and must
 * agree, with P1, P2, P3, P5 checked after every step and P4 and P7 on every command.
 */
class EngineMatchesModelProperties {
    private static final int STEPS = 40;

    /** The standard table under every non-standard policy at once: idle timer, capacity, window, picker, rating. */
    static final Lifecycle STANDARD_WITH_POLICIES = Lifecycle.standard().extend("standard-policies")
            .policies(p -> p.withIdleTimeout(Duration.ofHours(2)).withAgentCapacity(1)
                    .withReopen(ReopenPolicy.within(Duration.ofDays(1)))
                    .withAssignment(AssignmentStrategy.ROUND_ROBIN).withAutoAssignOnOpen(true)
                    .withMinimumRating(RatingExpression.parse("gte 3")))
            .build();

    private final Twins twins = new Twins();

    @Property(tries = 40)
    @Label("P1 P2 P3 P4 P5 P7: the engine runs the standard lifecycle exactly as the reference model, across restarts")
    void engineRunsTheStandardLifecycleAsTheModel(@ForAll("standard") ActionChain<Twin> chain) {
        run(chain);
    }

    @Property(tries = 40)
    @Label("P1 P2 P3 P4 P5 P7: the engine runs the standard table under idle, capacity, window, round-robin and rating"
            + " policies exactly as the reference model")
    void engineRunsTheStandardTableUnderEveryPolicyAsTheModel(@ForAll("withPolicies") ActionChain<Twin> chain) {
        run(chain);
    }

    static void run(ActionChain<Twin> chain) {
        chain.withInvariant("P1 P2 P3 P5 and engine = model", Twin::checkInvariants).run();
    }

    @Provide
    Arbitrary<ActionChain<Twin>> standard() {
        return Chains.withCast(Lifecycle.standard(), twins, STEPS);
    }

    @Provide
    Arbitrary<ActionChain<Twin>> withPolicies() {
        return Chains.withCast(STANDARD_WITH_POLICIES, twins, STEPS);
    }

    @AfterTry
    void closeTwins() {
        twins.closeAll();
    }
}
