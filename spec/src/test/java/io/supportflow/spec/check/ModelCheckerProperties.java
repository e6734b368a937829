package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Definitions;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.LifecycleBuilder;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.Transition;
import io.supportflow.spec.model.Command;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCheckerProperties {
    private static final Pattern TRAP = Pattern.compile("no final state is reachable from (\\S+) \\(a trap\\)");
    private static final Pattern UNREACHABLE = Pattern.compile("state (\\S+) is never reached");

    /** This package's generator and the lifecycle package's, the latter without an idle timer under a window. */
    @Provide
    Arbitrary<Lifecycle> definitions() {
        return generated();
    }

    /** The definitions these properties draw (shared with the SPIN cross-check). */
    static Arbitrary<Lifecycle> generated() {
        return Arbitraries.oneOf(Lifecycles.definitions(), Definitions.definitions().map(ModelCheckerProperties::replayable));
    }

    /** Waiting for a reopen window on a reference model would also fire idle timers the checker's trace omits. */
    private static Lifecycle replayable(Lifecycle d) {
        boolean both = d.policies().reopen() instanceof ReopenPolicy.Within && d.policies().idleTimeout() != null;
        return both ? d.extend(d.name()).policies(p -> p.withIdleTimeout(null)).build() : d;
    }

    @Property(tries = 40)
    void theReachableConfigurationsAreThoseOfAPlainBreadthFirstSearch(@ForAll("definitions") Lifecycle definition) {
        Bounds bounds = Bounds.defaults(definition);
        List<Config> explored = new Exploration(definition, bounds).configurations();
        Set<PlainSearch.Canonical> plain = new PlainSearch(definition, bounds).distances().keySet().stream()
                .map(PlainSearch.Canonical::of).collect(Collectors.toSet());

        Set<PlainSearch.Canonical> checker = explored.stream().map(PlainSearch.Canonical::of).collect(Collectors.toSet());
        assertThat(checker).isEqualTo(plain);
        assertThat(explored).hasSameSizeAs(checker);
    }

    @Property(tries = 40)
    @Label("P1, P2, P3, P7: every reported trace is a shortest one and replays to its breach")
    void everyReportedTraceIsAShortestOneAndReplaysToItsBreach(@ForAll("definitions") Lifecycle definition) {
        Bounds bounds = Bounds.defaults(definition);
        CheckReport report = ModelChecker.check(definition, bounds);
        PlainSearch plain = new PlainSearch(definition, bounds);

        for (Violation v : report.violations()) {
            Matcher trap = TRAP.matcher(v.description());
            Matcher unreachable = UNREACHABLE.matcher(v.description());
            if (unreachable.matches()) {
                assertThat(v.trace()).isEmpty();
                assertThat(plain.distanceTo(inState(unreachable.group(1)))).isNull();
            } else if (trap.matches()) {
                assertThat(Replay.lastState(definition, bounds, v.trace())).isEqualTo(trap.group(1));
            } else {
                assertThat(v.trace()).as(v.render()).hasSize(plain.distanceTo(v.description()));
                Replay.assertBreachReplays(definition, bounds, v);
            }
        }
        assertThat(report.unreachableStates()).containsExactlyElementsOf(definition.states().stream()
                .filter(s -> plain.distanceTo(inState(s)) == null).toList());
    }

    @Property(tries = 30)
    @Label("P7: a planted trap state is found with a shortest trace")
    void aPlantedTrapIsFoundWithAShortestTrace(@ForAll("definitions") Lifecycle base,
                                               @ForAll @IntRange(max = 1000) int pick) {
        Lifecycle planted = plant(base, pick, "plantTrap", b -> b.state("TRAP"), "TRAP", List.of(), Effect.RELEASE);
        Bounds bounds = Bounds.defaults(planted);

        Violation trap = find(ModelChecker.check(planted, bounds), "no final state is reachable from TRAP (a trap)");

        int alone = new PlainSearch(planted, bounds.withOrders(1)).distanceTo(inState("TRAP"));
        assertThat(trap.trace()).hasSize(alone);
        assertThat(Replay.lastState(planted, bounds, trap.trace())).isEqualTo("TRAP");
    }

    @Property(tries = 30)
    @Label("P7: a planted nondeterministic pair is found with a shortest trace")
    void aPlantedNondeterministicPairIsFoundWithAShortestTrace(@ForAll("definitions") Lifecycle base,
                                                               @ForAll @IntRange(max = 1000) int pick) {
        String source = reachableSource(base, pick);
        Lifecycle planted = base.extend("planted").state("TWIN")
                .add(row(base, source, "plantTwin", "TWIN", List.of()))
                .add(row(base, source, "plantTwin", "TWIN", List.of(Guard.NO_AGENT_GIVEN)))
                .build();
        Bounds bounds = Bounds.defaults(planted);

        Violation pair = ModelChecker.check(planted, bounds).violations().stream()
                .filter(v -> v.description().startsWith("in " + source + ", one plantTwin command enables 2 rows"))
                .findFirst().orElseThrow();

        PlainSearch plain = new PlainSearch(planted, bounds);
        assertThat(pair.trace()).hasSize(plain.distanceTo(inState(source)) + 1);
        Replay replay = new Replay(planted, bounds).run(pair.trace().subList(0, pair.trace().size() - 1));
        Command last = ((TraceStep.Run) pair.trace().get(pair.trace().size() - 1)).command();
        assertThat(replay.enabledRows(last)).hasSize(2);
        replay.run(pair.trace().get(pair.trace().size() - 1));
    }

    @Property(tries = 30)
    @Label("P3: a planted row assigning without withinCapacity under a capacity policy is found with a shortest trace")
    void aPlantedCapacityBreachIsFoundWithAShortestTrace(@ForAll("definitions") Lifecycle base,
                                                         @ForAll @IntRange(max = 1000) int pick) {
        Lifecycle capped = base.extend("capped").policies(p -> p.withAgentCapacity(1)).build();
        Lifecycle planted = plant(capped, pick, "plantCap", b -> b.agentState("GRABBED"), "GRABBED",
                List.of(Guard.AGENT_GIVEN), Effect.ASSIGN);
        Bounds bounds = Bounds.defaults(planted);

        List<Violation> p3 = ModelChecker.check(planted, bounds).violations().stream()
                .filter(v -> v.property().equals("P3")).toList();

        Integer nearest = new PlainSearch(planted, bounds).distanceTo(overCapacity(planted, bounds));
        assertThat(nearest).isNotNull();
        assertThat(p3).isNotEmpty();
        assertThat(p3.stream().mapToInt(v -> v.trace().size()).min().orElseThrow()).isEqualTo(nearest);
        p3.forEach(v -> assertThat(new Replay(planted, bounds).run(v.trace()).breachesP3()).isTrue());
    }

    @Property(tries = 30)
    @Label("P1: a planted row out of an agent state into a non-agent state without release is found")
    void aPlantedP1BreachIsFoundWithAShortestTrace(@ForAll("definitions") Lifecycle base,
                                                   @ForAll @IntRange(max = 1000) int pick) {
        Lifecycle holding = plant(base, pick, "plantHold", b -> b.agentState("HELD"), "HELD",
                List.of(Guard.AGENT_GIVEN), Effect.ASSIGN);
        Lifecycle planted = holding.extend("planted").state("DROPPED")
                .add(Transition.of("HELD", "plantDrop", "DROPPED"))
                .build();
        Bounds bounds = Bounds.defaults(planted);

        Violation p1 = ModelChecker.check(planted, bounds).violations().stream()
                .filter(v -> v.description().startsWith("an order in DROPPED (not an agent state) still has agent"))
                .findFirst().orElseThrow();

        Integer nearest = new PlainSearch(planted, bounds)
                .distanceTo(c -> c.orders().stream().anyMatch(l -> l.state().equals("DROPPED") && l.agent() != null));
        assertThat(p1.trace()).hasSize(nearest);
        Replay replay = new Replay(planted, bounds).run(p1.trace());
        assertThat(replay.breachesP1()).isTrue();
        assertThat(Replay.lastState(planted, bounds, p1.trace())).isEqualTo("DROPPED");
    }

    /** {@code base} plus a new state and a row into it from a state one order alone can reach. */
    private static Lifecycle plant(Lifecycle base, int pick, String event, UnaryOperator<LifecycleBuilder> newState,
                                   String target, List<Guard> guards, Effect effect) {
        String source = reachableSource(base, pick);
        return newState.apply(base.extend("planted"))
                .add(new Transition(source, event, target, guards, List.of(effect), base.isFinal(source)))
                .build();
    }

    private static Transition row(Lifecycle base, String source, String event, String target, List<Guard> guards) {
        return new Transition(source, event, target, guards, List.of(Effect.RELEASE), base.isFinal(source));
    }

    private static String reachableSource(Lifecycle base, int pick) {
        PlainSearch alone = new PlainSearch(base, Bounds.defaults(base).withOrders(1));
        List<String> reached = base.states().stream().filter(s -> alone.distanceTo(inState(s)) != null).toList();
        return reached.get(pick % reached.size());
    }

    private static Predicate<Config> inState(String state) {
        return c -> c.orders().stream().anyMatch(l -> l.state().equals(state));
    }

    private static Predicate<Config> overCapacity(Lifecycle definition, Bounds bounds) {
        return c -> {
            for (int a = 0; a < bounds.agents().size(); a++) {
                String agent = bounds.agents().get(a).agentId();
                int load = c.orders().stream().mapToInt(l -> l.load(agent)).sum();
                if (bounds.capacity(a, definition).filter(cap -> load > cap).isPresent()) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Violation find(CheckReport report, String description) {
        return report.violations().stream().filter(v -> v.description().equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no violation '" + description + "' in\n" + report.render()));
    }
}
