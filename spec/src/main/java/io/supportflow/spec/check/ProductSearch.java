package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breadth-first search over the configurations of all bounded orders, up to renaming the orders (orders are
 * interchangeable, so a configuration is identified by its sorted order configurations and the cursor). Checks
 * P1, P2 and P3 in every configuration and P7's one-row-per-command and final-state rules on every step.
 * Each node keeps the order positions of the path that first reached it, so traces need no renaming.
 */
final class ProductSearch {
    static final int WAIT = -1;

    /** A reached configuration: order configuration ids by order position, cursor, and how it was first reached. */
    record Node(int[] orders, int cursor, int parent, int order, int action) {
    }

    /**
     * Sorted order configuration ids and the cursor: equal for configurations equal up to renaming the orders.
     * Ids are small and close together, so the hash mixes them (a polynomial hash would collide heavily).
     */
    private static final class Key {
        private final int[] sorted;
        private final int cursor;
        private final int hash;

        Key(int[] orders, int cursor) {
            this.sorted = orders.clone();
            Arrays.sort(sorted);
            this.cursor = cursor;
            long h = cursor;
            for (int id : sorted) {
                h = (h ^ id) * 0x9E3779B97F4A7C15L;
            }
            this.hash = (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.cursor == cursor && Arrays.equals(k.sorted, sorted);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Lifecycle definition;
    private final Bounds bounds;
    private final Stepper stepper;
    private final Moves moves;
    private final Findings findings;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Key, Integer> seen = new HashMap<>();
    private final Set<String> states = new LinkedHashSet<>();

    ProductSearch(Lifecycle definition, Bounds bounds, Stepper stepper, Moves moves, Findings findings) {
        this.definition = definition;
        this.bounds = bounds;
        this.stepper = stepper;
        this.moves = moves;
        this.findings = findings;
    }

    void run() {
        int[] initial = new int[bounds.orders()];
        Arrays.fill(initial, moves.intern(stepper.initial()));
        reach(new Node(initial, -1, -1, -1, WAIT));
        for (int i = 0; i < nodes.size(); i++) {
            inspect(i);
            expand(i);
        }
    }

    /** Every reached configuration, in breadth-first order, in the order positions first reached. */
    List<Node> nodes() {
        return nodes;
    }

    /** States some order is in, in some reached configuration. */
    Set<String> states() {
        return states;
    }

    static String orderId(int position) {
        return "o" + (position + 1);
    }

    private void inspect(int index) {
        Node node = nodes.get(index);
        int[] totals = new int[bounds.agents().size()];
        for (int id : node.orders()) {
            states.add(moves.local(id).state());
            for (Problem p : moves.problems(id)) {
                findings.offer(p, () -> trace(index));
            }
            int[] load = moves.load(id);
            for (int a = 0; a < totals.length; a++) {
                totals[a] += load[a];
            }
        }
        for (Problem p : Checks.ofLoads(definition, bounds, totals)) {
            findings.offer(p, () -> trace(index));
        }
    }

    private void expand(int index) {
        Node node = nodes.get(index);
        for (int o = 0; o < node.orders().length; o++) {
            int order = o;
            Moves.Steps steps = moves.steps(node.orders()[o], moves.env(othersLoad(node, o), node.cursor()));
            for (Moves.Flagged f : steps.flagged()) {
                for (Problem p : f.problems()) {
                    findings.offer(p, () -> traceThen(index, order, f.action(), f.next()));
                }
            }
            for (int s = 0; s < steps.next().length; s++) {
                int[] next = node.orders().clone();
                next[o] = steps.next()[s];
                reach(new Node(next, steps.cursor()[s], index, o, steps.action()[s]));
            }
        }
        if (stepper.windowMatters()) {
            int[] next = Arrays.stream(node.orders()).map(id -> moves.intern(moves.local(id).windowPassed())).toArray();
            if (!Arrays.equals(next, node.orders())) {
                reach(new Node(next, node.cursor(), index, -1, WAIT));
            }
        }
    }

    private int[] othersLoad(Node node, int order) {
        int[] others = new int[bounds.agents().size()];
        for (int o = 0; o < node.orders().length; o++) {
            if (o != order) {
                int[] load = moves.load(node.orders()[o]);
                for (int a = 0; a < others.length; a++) {
                    others[a] += load[a];
                }
            }
        }
        return others;
    }

    private void reach(Node node) {
        if (seen.putIfAbsent(new Key(node.orders(), node.cursor()), nodes.size()) == null) {
            nodes.add(node);
        }
    }

    private List<TraceStep> trace(int index) {
        List<TraceStep> steps = new ArrayList<>();
        for (int i = index; nodes.get(i).parent() >= 0; i = nodes.get(i).parent()) {
            Node node = nodes.get(i);
            steps.add(0, node.order() < 0 ? new TraceStep.Wait(stepper.windowStep())
                    : new TraceStep.Run(stepper.command(node.action(), orderId(node.order())),
                    moves.local(node.orders()[node.order()]).state()));
        }
        return steps;
    }

    private List<TraceStep> traceThen(int index, int order, int action, int next) {
        List<TraceStep> steps = trace(index);
        int after = next >= 0 ? next : nodes.get(index).orders()[order];
        steps.add(new TraceStep.Run(stepper.command(action, orderId(order)), moves.local(after).state()));
        return steps;
    }
}
