package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The obviously correct search the checker is compared with: breadth-first over whole configurations (orders by
 * position, no renaming, no memo), each successor computed by {@link Stepper#step} from the configuration itself.
 * Records each configuration's distance and, per problem key, the length of a shortest trace exhibiting it.
 */
final class PlainSearch {
    /** A configuration up to renaming the orders: how many orders are in each order configuration, and the cursor. */
    record Canonical(Map<Local, Long> orders, String cursor) {
        static Canonical of(Config c) {
            return new Canonical(c.orders().stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting())), c.cursor());
        }
    }

    private final Lifecycle definition;
    private final Bounds bounds;
    private final Stepper stepper;
    private final Map<Config, Integer> distance = new LinkedHashMap<>();
    private final Map<String, Integer> problemDistance = new HashMap<>();
    private final Map<String, String> keyOfDescription = new HashMap<>();

    PlainSearch(Lifecycle definition, Bounds bounds) {
        this.definition = definition;
        this.bounds = bounds;
        this.stepper = new Stepper(definition, bounds);
        Config start = new Config(Collections.nCopies(bounds.orders(), stepper.initial()), null);
        Deque<Config> queue = new ArrayDeque<>();
        distance.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            Config config = queue.poll();
            int d = distance.get(config);
            note(problemsOf(config), d);
            List<Config> successors = new ArrayList<>();
            for (int o = 0; o < config.orders().size(); o++) {
                Local local = config.orders().get(o);
                for (int a = 0; a < stepper.actionCount(); a++) {
                    Move move = stepper.step(local, a, envOf(config, o));
                    note(Checks.ofMove(definition, local, move), d + 1);
                    if (move.next() != null) {
                        successors.add(replaced(config, o, move.next(), move.cursor()));
                    }
                }
            }
            successors.add(new Config(config.orders().stream().map(Local::windowPassed).toList(), config.cursor()));
            for (Config next : successors) {
                if (distance.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                }
            }
        }
    }

    Map<Config, Integer> distances() {
        return distance;
    }

    /** Length of a shortest trace to a configuration (or through a move) with the problem described so. */
    Integer distanceTo(String description) {
        String key = keyOfDescription.get(description);
        return key == null ? null : problemDistance.get(key);
    }

    /** Distance of a nearest configuration satisfying {@code test}, or null. */
    Integer distanceTo(java.util.function.Predicate<Config> test) {
        return distance.entrySet().stream().filter(e -> test.test(e.getKey())).map(Map.Entry::getValue)
                .min(Integer::compare).orElse(null);
    }

    private List<Problem> problemsOf(Config config) {
        List<Problem> found = new ArrayList<>();
        config.orders().forEach(local -> found.addAll(Checks.ofOrder(definition, local)));
        int[] totals = new int[bounds.agents().size()];
        for (int a = 0; a < totals.length; a++) {
            for (Local local : config.orders()) {
                totals[a] += local.load(bounds.agents().get(a).agentId());
            }
        }
        found.addAll(Checks.ofLoads(definition, bounds, totals));
        return found;
    }

    private Env envOf(Config config, int order) {
        List<Integer> others = new ArrayList<>();
        for (var agent : bounds.agents()) {
            int load = 0;
            for (int o = 0; o < config.orders().size(); o++) {
                if (o != order) {
                    load += config.orders().get(o).load(agent.agentId());
                }
            }
            others.add(load);
        }
        return new Env(others, config.cursor());
    }

    private static Config replaced(Config config, int order, Local local, String cursor) {
        List<Local> orders = new ArrayList<>(config.orders());
        orders.set(order, local);
        return new Config(orders, cursor);
    }

    private void note(List<Problem> problems, int d) {
        for (Problem p : problems) {
            keyOfDescription.put(p.description(), p.key());
            problemDistance.merge(p.key(), d, Math::min);
        }
    }
}
