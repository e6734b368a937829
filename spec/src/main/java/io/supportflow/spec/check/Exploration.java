package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One run of the checker over a definition within bounds: both searches, then the report. */
final class Exploration {
    private final Lifecycle definition;
    private final Bounds bounds;
    private final Moves moves;
    private final Findings findings = new Findings();
    private final OrderSearch order;
    private final ProductSearch product;

    Exploration(Lifecycle definition, Bounds bounds) {
        this.definition = definition;
        this.bounds = bounds;
        Stepper stepper = new Stepper(definition, bounds);
        this.moves = new Moves(definition, bounds, stepper);
        this.order = new OrderSearch(definition, bounds, stepper, moves);
        this.product = new ProductSearch(definition, bounds, stepper, moves, findings);
        order.run();
        order.reportTraps(findings);
        product.run();
        for (String state : unreachableStates()) {
            findings.offer(Checks.unreachable(state), List::of);
        }
    }

    /**
     * Every reachable configuration of all orders, one per class of renaming, in breadth-first order: what the
     * tests compare with a plain breadth-first search.
     */
    List<Config> configurations() {
        return product.nodes().stream()
                .map(n -> new Config(Arrays.stream(n.orders()).mapToObj(moves::local).toList(),
                        n.cursor() < 0 ? null : bounds.agents().get(n.cursor()).agentId()))
                .toList();
    }

    CheckReport report() {
        List<String> dormant = new ArrayList<>();
        for (Transition t : definition.transitions()) {
            if (!moves.fired().contains(t)) {
                dormant.add(t.label());
            }
        }
        return new CheckReport(definition.name(), bounds.render(definition), findings.sorted(), unreachableStates(),
                dormant, order.size(), product.nodes().size(), orderedConfigurations());
    }

    /** Non-final states in which one order alone reaches a configuration nothing changes (a trap without a way on). */
    List<String> deadEndStates() {
        return order.deadEndStates();
    }

    /** Per reached configuration, the number of distinct orderings of its order configurations. */
    private long orderedConfigurations() {
        long total = 0;
        for (ProductSearch.Node node : product.nodes()) {
            Map<Integer, Integer> multiplicity = new HashMap<>();
            for (int id : node.orders()) {
                multiplicity.merge(id, 1, Integer::sum);
            }
            long orderings = factorial(node.orders().length);
            for (int m : multiplicity.values()) {
                orderings /= factorial(m);
            }
            total += orderings;
        }
        return total;
    }

    private static long factorial(int n) {
        long f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private List<String> unreachableStates() {
        List<String> unreachable = new ArrayList<>();
        for (String state : definition.states()) {
            if (!product.states().contains(state)) {
                unreachable.add(state);
            }
        }
        return unreachable;
    }
}
