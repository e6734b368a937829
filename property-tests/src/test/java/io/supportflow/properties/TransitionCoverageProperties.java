package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.ActionChain;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The transition coverage gate: after this class's own chains (the standard table with the idle timer on, so that
 * its idle-timeout rows can fire) and whatever other properties ran before in this JVM, every row of the standard
 * table must have been fired by the engine, or the container fails naming the rows that were not.
 */
class TransitionCoverageProperties {
    private static final Lifecycle STANDARD_WITH_IDLE_TIMER = Lifecycle.standard().extend("standard-idle")
            .policies(p -> p.withIdleTimeout(Duration.ofHours(2))).build();

    /** Long enough that the rarest rows (update and same-agent assign in ASSIGNED) fire some 15 times or more. */
    private static final int STEPS = 60;

    private final Twins twins = new Twins();

    @Property(tries = 40)
    @Label("P1 P2 P3 P4 P5 P7: chains over the standard table with an idle timer agree with the reference model")
    void engineRunsTheStandardTableWithAnIdleTimerAsTheModel(@ForAll("chains") ActionChain<Twin> chain) {
        EngineMatchesModelProperties.run(chain);
    }

    @Provide
    Arbitrary<ActionChain<Twin>> chains() {
        return Chains.withCast(STANDARD_WITH_IDLE_TIMER, twins, STEPS);
    }

    @AfterTry
    void closeTwins() {
        twins.closeAll();
    }

    @AfterContainer
    static void everyRowOfTheStandardTableWasFired() {
        List<Transition> missing = Coverage.unexercised(Lifecycle.standard());
        if (!missing.isEmpty()) {
            throw new AssertionError("transition coverage: the properties never made the engine fire "
                    + missing.stream().map(Transition::label).collect(Collectors.joining("; ")));
        }
    }
}
