package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.ActionChain;

/**
 * {@link EngineMatchesModelProperties}' chains with the engine on the PostgreSQL store (a fresh database per try):
 * the same commands, reads, clock moves, restarts and agent changes, the same invariants after every step. Fewer
 * tries than on MapDB: the chains are the same, only the store differs.
 */
class EngineMatchesModelOnPostgresProperties {
    private static final int STEPS = 40;
    private final Twins twins = Twins.onPostgres();

    @Property(tries = 12)
    @Label("P1 P2 P3 P4 P5 P7 on PostgreSQL: the engine runs the standard lifecycle exactly as the reference model,"
            + " across restarts")
    void engineOnPostgresRunsTheStandardLifecycleAsTheModel(@ForAll("standard") ActionChain<Twin> chain) {
        EngineMatchesModelProperties.run(chain);
    }

    @Property(tries = 12)
    @Label("P1 P2 P3 P4 P5 P7 on PostgreSQL: the engine runs the standard table under idle, capacity, window,"
            + " round-robin and rating policies exactly as the reference model")
    void engineOnPostgresRunsTheStandardTableUnderEveryPolicyAsTheModel(@ForAll("withPolicies") ActionChain<Twin> chain) {
        EngineMatchesModelProperties.run(chain);
    }

    @Provide
    Arbitrary<ActionChain<Twin>> standard() {
        return Chains.withCast(Lifecycle.standard(), twins, STEPS);
    }

    @Provide
    Arbitrary<ActionChain<Twin>> withPolicies() {
        return Chains.withCast(EngineMatchesModelProperties.STANDARD_WITH_POLICIES, twins, STEPS);
    }

    @AfterTry
    void closeTwins() {
        twins.closeAll();
    }
}
