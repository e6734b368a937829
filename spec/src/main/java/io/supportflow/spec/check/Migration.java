package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a new lifecycle definition can take over a store written under an old one: every state the stored
 * sessions may be in (the old definition's states the {@link ModelChecker} reaches) must still exist in the new
 * definition, keep its kind (agent state or not, final or not: P1 and P2 of the stored sessions) and still reach a
 * final state by the new table's rows (a path of rows; guards are not evaluated, since they depend on data the
 * store holds). Rows the new definition no longer has are listed: journals that used them still replay (P5 needs
 * only their recorded effects), but an audit against the new rules reports them.
 *
 * <p>Stateless and thread-safe.
 */
public final class Migration {

    private Migration() {
    }

    /**
     * The verdict.
     *
     * @param problems    each reason the new definition cannot take over, one sentence each; empty when it can
     * @param storedStates the states stored sessions may be in, in the old definition's order
     * @param removedRows labels of the old rows the new definition does not have, in the old table's order
     */
    public record Report(String from, String to, List<String> storedStates, List<String> problems,
                         List<String> removedRows) {
        public Report {
            storedStates = List.copyOf(storedStates);
            problems = List.copyOf(problems);
            removedRows = List.copyOf(removedRows);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        public String render() {
            StringBuilder s = new StringBuilder("Migration check: lifecycle '").append(to)
                    .append("' taking over a store written under '").append(from).append("'\n")
                    .append("States stored sessions may be in: ").append(String.join(", ", storedStates)).append('\n')
                    .append("Rows removed:").append(removedRows.isEmpty() ? " none" : "").append('\n');
            removedRows.forEach(r -> s.append("  ").append(r).append('\n'));
            if (ok()) {
                s.append("OK: every stored state exists, keeps its kind and can reach a final state.\n");
            } else {
                s.append(problems.size()).append(problems.size() == 1 ? " problem:\n" : " problems:\n");
                problems.forEach(p -> s.append("  ").append(p).append('\n'));
            }
            return s.toString();
        }
    }

    /** Checks whether {@code next} can take over a store written under {@code previous}. */
    public static Report check(Lifecycle next, Lifecycle previous) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(previous, "previous");
        Set<String> unreachable = new HashSet<>(ModelChecker.check(previous).unreachableStates());
        List<String> stored = previous.states().stream()
                .filter(s -> !s.equals(previous.initialState()) && !unreachable.contains(s)).toList();
        Set<String> finishing = finishing(next);
        List<String> problems = new ArrayList<>();
        for (String state : stored) {
            if (!next.states().contains(state) || state.equals(next.initialState())) {
                problems.add(state + ": stored sessions may be in it, but '" + next.name() + "' has no such state");
                continue;
            }
            if (next.holdsAgent(state) != previous.holdsAgent(state)) {
                problems.add(state + ": " + (previous.holdsAgent(state) ? "held" : "did not hold")
                        + " an agent, now " + (next.holdsAgent(state) ? "holds one" : "does not") + " (P1 of its sessions)");
            }
            if (next.isFinal(state) != previous.isFinal(state)) {
                problems.add(state + ": " + (previous.isFinal(state) ? "was" : "was not") + " final, now "
                        + (next.isFinal(state) ? "is" : "is not"));
            }
            if (!finishing.contains(state)) {
                problems.add(state + ": no row path leads from it to a final state in '" + next.name() + "'");
            }
        }
        List<String> removed = previous.transitions().stream().filter(t -> !next.transitions().contains(t))
                .map(Transition::label).toList();
        return new Report(previous.name(), next.name(), stored, problems, removed);
    }

    /** States with a path of rows to a final state (final states included). */
    private static Set<String> finishing(Lifecycle d) {
        Set<String> reached = new HashSet<>(d.finalStates());
        Deque<String> queue = new ArrayDeque<>(d.finalStates());
        while (!queue.isEmpty()) {
            String target = queue.poll();
            for (Transition t : d.transitions()) {
                if (t.target().equals(target) && reached.add(t.source())) {
                    queue.add(t.source());
                }
            }
        }
        return reached;
    }
}
