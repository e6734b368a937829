package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Breadth-first search over the configurations of one order alone (no other sessions: the structure P7 asks
 * about), then a backward search from its final configurations: every configuration that cannot reach one is a
 * trap, reported once per state with a shortest trace on order {@code o1}.
 */
final class OrderSearch {
    private record Node(int local, int cursor, int parent, int action) {
    }

    private final Lifecycle definition;
    private final Stepper stepper;
    private final Moves moves;
    private final int[] noLoad;
    private final List<Node> nodes = new ArrayList<>();
    private final List<List<Integer>> predecessors = new ArrayList<>();
    /** Node index by (order configuration id, cursor), packed into one long. */
    private final Map<Long, Integer> seen = new HashMap<>();
    private final Set<String> deadEnds = new LinkedHashSet<>();

    OrderSearch(Lifecycle definition, Bounds bounds, Stepper stepper, Moves moves) {
        this.definition = definition;
        this.stepper = stepper;
        this.moves = moves;
        this.noLoad = new int[bounds.agents().size()];
    }

    void run() {
        reach(new Node(moves.intern(stepper.initial()), -1, -1, ProductSearch.WAIT), -1);
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            Moves.Steps steps = moves.steps(node.local(), moves.env(noLoad, node.cursor()));
            for (int s = 0; s < steps.next().length; s++) {
                reach(new Node(steps.next()[s], steps.cursor()[s], i, steps.action()[s]), i);
            }
            int passed = moves.intern(moves.local(node.local()).windowPassed());
            if (passed != node.local()) {
                reach(new Node(passed, node.cursor(), i, ProductSearch.WAIT), i);
            } else if (steps.next().length == 0 && !definition.isFinal(state(i))) {
                deadEnds.add(state(i));
            }
        }
    }

    /** Non-final states of configurations that no command and no passing of time changes, in the order reached. */
    List<String> deadEndStates() {
        return List.copyOf(deadEnds);
    }

    int size() {
        return nodes.size();
    }

    /** Offers a trap problem for the first (so nearest) configuration of each state that cannot reach a final state. */
    void reportTraps(Findings findings) {
        boolean[] canFinish = new boolean[nodes.size()];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (definition.isFinal(state(i))) {
                canFinish[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            for (int p : predecessors.get(queue.poll())) {
                if (!canFinish[p]) {
                    canFinish[p] = true;
                    queue.add(p);
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            int index = i;
            if (!canFinish[i]) {
                findings.offer(Checks.trap(state(i)), () -> trace(index));
            }
        }
    }

    private String state(int index) {
        return moves.local(nodes.get(index).local()).state();
    }

    private void reach(Node node, int from) {
        Integer known = seen.putIfAbsent(((long) node.local() << 32) | (node.cursor() & 0xFFFF_FFFFL), nodes.size());
        if (known == null) {
            nodes.add(node);
            predecessors.add(new ArrayList<>());
            known = nodes.size() - 1;
        }
        if (from >= 0) {
            predecessors.get(known).add(from);
        }
    }

    private List<TraceStep> trace(int index) {
        List<TraceStep> steps = new ArrayList<>();
        for (int i = index; nodes.get(i).parent() >= 0; i = nodes.get(i).parent()) {
            Node node = nodes.get(i);
            steps.add(0, node.action() == ProductSearch.WAIT ? new TraceStep.Wait(stepper.windowStep())
                    : new TraceStep.Run(stepper.command(node.action(), ProductSearch.orderId(0)), state(i)));
        }
        return steps;
    }
}
