package io.supportflow.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.ActionChain;

/**
 * The engine against the reference model on custom lifecycles: extra states and transitions, guards, and every
 * policy, each definition accepted by the model checker first.
 */
class CustomLifecycleProperties {
    private final Twins twins = new Twins();

    @Property(tries = 40)
    @Label("P1 P2 P3 P4 P5 P7: on custom lifecycles the model checker accepts, the engine agrees with the reference"
            + " model")
    void engineRunsEveryCheckedCustomLifecycleAsTheModel(@ForAll("chains") ActionChain<Twin> chain) {
        EngineMatchesModelProperties.run(chain);
    }

    @Provide
    Arbitrary<ActionChain<Twin>> chains() {
        return CustomLifecycles.accepted().flatMap(definition -> Chains.withCast(definition, twins, 40));
    }

    @AfterTry
    void closeTwins() {
        twins.closeAll();
    }
}
