package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Command;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

import java.util.function.Supplier;

/**
 * Action chains over a {@link Twin}: one action per 8.12 command (plain, with a matching If-Match, with a stale
 * one), reads, clock moves, restarts and agent availability changes.
 */
final class Chains {

    private Chains() {
    }

    static ActionChainArbitrary<Twin> of(Lifecycle definition, Supplier<Twin> start, int maxSteps) {
        return ActionChain.<Twin>startWith(start)
                .withAction(14, commands(definition))
                .withAction(2, ifMatch(definition))
                .withAction(1, stale(definition))
                .withAction(2, reads())
                .withAction(3, clock(definition))
                .withAction(1, restarts())
                .withAction(1, availability())
                .withMaxTransformations(maxSteps);
    }

    private static Action.Dependent<Twin> commands(Lifecycle definition) {
        return twin -> Inputs.commands(definition, twin.liveOrders())
                .map(c -> Transformer.mutate(Describe.command(c), (Twin t) -> t.execute(c)));
    }

    private static Action.Dependent<Twin> ifMatch(Lifecycle definition) {
        return twin -> Inputs.commands(definition, twin.liveOrders())
                .map(c -> Transformer.mutate(Describe.command(c) + " If-Match current",
                        (Twin t) -> t.executeIfMatch(c)));
    }

    private static Action.Dependent<Twin> stale(Lifecycle definition) {
        return twin -> Combinators.combine(Inputs.commands(definition, twin.liveOrders()),
                        Arbitraries.of(-1L, 1L, 2L))
                .as((Command c, Long offset) -> Transformer.mutate(
                        Describe.command(c) + " If-Match current" + (offset > 0 ? "+" : "") + offset,
                        (Twin t) -> t.executeStale(c, offset)));
    }

    private static Action.Independent<Twin> reads() {
        return () -> Inputs.orders().map(o -> Transformer.mutate("GET " + o + " and " + o + "/agent",
                (Twin t) -> t.read(o)));
    }

    private static Action.Independent<Twin> clock(Lifecycle definition) {
        return () -> Inputs.clockSteps(definition).map(d -> Transformer.mutate("advance clock " + d,
                (Twin t) -> t.advance(d)));
    }

    private static Action.Independent<Twin> restarts() {
        return () -> Arbitraries.just(Transformer.mutate("restart engine and store", Twin::restart));
    }

    private static Action.Independent<Twin> availability() {
        return () -> Combinators.combine(Arbitraries.of(Inputs.AGENTS), Arbitraries.of(true, false))
                .as((String agentId, Boolean available) -> Transformer.mutate(
                        "set " + agentId + (available ? " available" : " unavailable"),
                        (Twin t) -> t.setAvailable(agentId, available)));
    }

    /** Cast first, then a chain over it. */
    static Arbitrary<ActionChain<Twin>> withCast(Lifecycle definition, Twins twins, int maxSteps) {
        return Inputs.casts().flatMap(cast -> of(definition, () -> twins.open(definition, cast), maxSteps));
    }
}
