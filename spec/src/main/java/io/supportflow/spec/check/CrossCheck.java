package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a definition with both {@link ModelChecker} and {@link Spin} and compares their verdicts: the same breaches
 * (property and the state, agent or state and event it concerns) and the same number of reachable configurations.
 *
 * <p>Where the encodings are not one-to-one: SPIN's trap search finds the states in which an order alone, not final,
 * can no longer change at all; a trap the order can still move around in without ever reaching a final state needs
 * "a final state stays reachable" (a branching-time property SPIN's assertions and LTL cannot state), so such traps
 * are the checker's alone and are listed apart, not compared. The checker counts configurations up to renaming the
 * orders, SPIN with the orders told apart: compared is {@link CheckReport#orderedConfigurations()}; SPIN's model
 * stores one state more than the checker explores, its start before the first step (which loads the table).
 *
 * <p>Stateless and thread-safe.
 */
public final class CrossCheck {
    private static final List<Pattern> KEYS = List.of(
            Pattern.compile("^()an order in (\\S+) \\(final\\) keeps"),
            Pattern.compile("^()an order in (\\S+) "),
            Pattern.compile("^()agent (\\S+) has \\d+ ACTIVE"),
            Pattern.compile("^in (\\S+), one (\\S+) command enables"),
            Pattern.compile("^no final state is reachable from ()(\\S+) \\(a trap\\)"),
            Pattern.compile("^state ()(\\S+) is never reached"));

    private CrossCheck() {
    }

    /** Both verdicts and their comparison. */
    public record Result(CheckReport checker, SpinReport spin, List<String> checkerBreaches,
                         List<String> checkerOnlyTraps) {

        public Result {
            Objects.requireNonNull(checker, "checker");
            Objects.requireNonNull(spin, "spin");
            checkerBreaches = List.copyOf(checkerBreaches);
            checkerOnlyTraps = List.copyOf(checkerOnlyTraps);
        }

        /** Same breaches (but for the checker-only traps) and the same configuration counts. */
        public boolean agree() {
            return differences().isEmpty();
        }

        /** Each way the verdicts differ, one sentence each; empty when they agree. */
        public List<String> differences() {
            List<String> found = new ArrayList<>();
            TreeSet<String> ours = new TreeSet<>(checkerBreaches);
            checkerOnlyTraps.forEach(s -> ours.remove("P7 trap " + s));
            TreeSet<String> theirs = new TreeSet<>(spin.breaches());
            ours.stream().filter(k -> !theirs.contains(k)).forEach(k -> found.add("only the model checker: " + k));
            theirs.stream().filter(k -> !ours.contains(k)).forEach(k -> found.add("only SPIN: " + k));
            if (spin.statesStored() != checker.orderedConfigurations() + 1) {
                found.add("configurations with the orders told apart: model checker " + checker.orderedConfigurations()
                        + " (+1), SPIN " + spin.statesStored());
            }
            return found;
        }

        /** The checker's report, SPIN's, then the comparison. */
        public String render() {
            StringBuilder s = new StringBuilder(checker.render()).append('\n').append(spin.render()).append('\n');
            if (agree()) {
                s.append("Cross-check: SPIN and the model checker agree: ")
                        .append(spin.breaches().isEmpty() ? "no breach" : "breaches " + String.join(", ", spin.breaches()))
                        .append("; ").append(checker.orderedConfigurations())
                        .append(" configurations with the orders told apart.\n");
            } else {
                s.append("Cross-check: SPIN and the model checker DISAGREE:\n");
                differences().forEach(d -> s.append("  ").append(d).append('\n'));
            }
            if (!checkerOnlyTraps.isEmpty()) {
                s.append("Traps only the model checker decides (the order still moves): ")
                        .append(String.join(", ", checkerOnlyTraps)).append('\n');
            }
            return s.toString();
        }
    }

    /**
     * Checks {@code definition} within {@code bounds} with both checkers.
     *
     * @throws SpinException when SPIN cannot be run
     */
    public static Result run(Lifecycle definition, Bounds bounds) {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(bounds, "bounds");
        Exploration exploration = new Exploration(definition, bounds);
        CheckReport checker = exploration.report();
        SpinReport spin = Spin.check(definition, bounds);
        List<String> breaches = checker.violations().stream().map(v -> key(v)).distinct().sorted().toList();
        List<String> dead = exploration.deadEndStates();
        List<String> cycles = breaches.stream().filter(k -> k.startsWith("P7 trap "))
                .map(k -> k.substring("P7 trap ".length())).filter(s -> !dead.contains(s)).toList();
        return new Result(checker, spin, breaches, cycles);
    }

    /** {@code P1 STATE}, {@code P2 STATE}, {@code P3 AGENT}, {@code P7 rows STATE EVENT}, {@code P7 trap STATE}... */
    static String key(Violation v) {
        String[] p7 = {"rows", "trap", "unreachable"};
        for (int i = 0; i < KEYS.size(); i++) {
            Matcher m = KEYS.get(i).matcher(v.description());
            if (m.find()) {
                String subject = (m.group(1).isEmpty() ? "" : m.group(1) + " ") + m.group(2);
                String what = i < 3 ? "" : p7[i - 3] + " ";
                String property = i == 0 ? "P2" : v.property();
                return (property + " " + what + subject).replace("  ", " ");
            }
        }
        return v.property() + " " + v.description();
    }
}
