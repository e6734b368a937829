package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The properties, as predicates over abstract configurations and moves. */
final class Checks {

    private Checks() {
    }

    /** P1 (agent state ⇔ agent ⇔ exactly one ACTIVE assignment, for that agent) and P2 (final ⇒ no agent). */
    static List<Problem> ofOrder(Lifecycle d, Local l) {
        List<Problem> found = new ArrayList<>();
        String in = "an order in " + l.state();
        boolean agentState = d.holdsAgent(l.state());
        if (agentState && l.agent() == null) {
            found.add(p1(l, "no-agent", in + " (an agent state) has no agent"));
        }
        if (!agentState && l.agent() != null) {
            found.add(p1(l, "agent", in + " (not an agent state) still has agent " + l.agent()));
        }
        if (l.agent() != null && !l.active().equals(List.of(l.agent()))) {
            found.add(p1(l, "assignments", in + " has agent " + l.agent() + " but ACTIVE assignments of " + l.active()));
        }
        if (l.agent() == null && !l.active().isEmpty()) {
            found.add(p1(l, "stray", in + " has no agent but ACTIVE assignments of " + l.active()));
        }
        if (d.isFinal(l.state()) && (l.agent() != null || !l.active().isEmpty())) {
            found.add(new Problem("P2 " + l.state(), "P2", in + " (final) keeps "
                    + (l.agent() != null ? "agent " + l.agent() : "ACTIVE assignments of " + l.active())));
        }
        return found;
    }

    /** P3: every agent's ACTIVE assignments over all orders within its capacity. */
    static List<Problem> ofLoads(Lifecycle d, Bounds b, int[] totals) {
        List<Problem> found = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            int total = totals[i];
            String agent = b.agents().get(i).agentId();
            Optional<Integer> capacity = b.capacity(i, d);
            if (capacity.isPresent() && total > capacity.get()) {
                found.add(new Problem("P3 " + agent, "P3", "agent " + agent + " has " + total
                        + " ACTIVE assignments, above its capacity " + capacity.get()));
            }
        }
        return found;
    }

    /** P7: at most one row enabled per command; nothing but a declared reopen leaves a final state. */
    static List<Problem> ofMove(Lifecycle d, Local from, Move m) {
        List<Problem> found = new ArrayList<>();
        if (m.enabled().size() > 1) {
            List<String> labels = m.enabled().stream().map(Transition::label).toList();
            found.add(new Problem("P7 rows " + labels, "P7", "in " + from.state() + ", one " + m.enabled().get(0).event()
                    + " command enables " + labels.size() + " rows: " + String.join("; ", labels)));
        }
        Transition fired = m.fired();
        if (fired != null && d.isFinal(from.state()) && !fired.reopen()) {
            found.add(new Problem("P7 leaves " + fired.label(), "P7", "row " + fired.label() + " leaves final state "
                    + from.state() + " but is not a declared reopen"));
        }
        return found;
    }

    static Problem trap(String state) {
        return new Problem("P7 trap " + state, "P7", "no final state is reachable from " + state + " (a trap)");
    }

    static Problem unreachable(String state) {
        return new Problem("P7 unreachable " + state, "P7", "state " + state + " is never reached");
    }

    private static Problem p1(Local l, String kind, String description) {
        return new Problem("P1 " + l.state() + " " + kind, "P1", description);
    }
}
