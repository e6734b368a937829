package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interns order configurations and environments as small ints and memoises {@link Stepper#step} per
 * (order configuration, environment): an order's step depends on nothing else, so each is run once however many
 * configurations of all orders share it. Records every row that fired. Not thread-safe.
 */
final class Moves {
    /**
     * Everything one order can do in one environment: its distinct successors (next order configuration, cursor
     * after, and the first action reaching them, in action order; moves back to the same configuration left out),
     * and the problems of each move that has some.
     */
    record Steps(int[] next, int[] cursor, int[] action, List<Flagged> flagged) {
    }

    /** The problems of the move by {@code action}, leading to {@code next} (-1: nothing changed). */
    record Flagged(int action, int next, List<Problem> problems) {
    }

    private final Lifecycle definition;
    private final Bounds bounds;
    private final Stepper stepper;
    private final List<Local> locals = new ArrayList<>();
    private final List<int[]> loads = new ArrayList<>();
    private final List<List<Problem>> problems = new ArrayList<>();
    private final Map<Local, Integer> localIds = new HashMap<>();
    private final List<Env> envs = new ArrayList<>();
    private final Map<Env, Integer> envIds = new HashMap<>();
    private final Map<Long, Steps> memo = new HashMap<>();
    private final Set<Transition> fired = new HashSet<>();

    Moves(Lifecycle definition, Bounds bounds, Stepper stepper) {
        this.definition = definition;
        this.bounds = bounds;
        this.stepper = stepper;
    }

    int intern(Local local) {
        Integer id = localIds.get(local);
        if (id != null) {
            return id;
        }
        locals.add(local);
        loads.add(bounds.agents().stream().mapToInt(p -> local.load(p.agentId())).toArray());
        problems.add(Checks.ofOrder(definition, local));
        localIds.put(local, locals.size() - 1);
        return locals.size() - 1;
    }

    Local local(int id) {
        return locals.get(id);
    }

    /** ACTIVE assignments on this order per agent, in {@link Bounds#agents()} order; do not modify. */
    int[] load(int id) {
        return loads.get(id);
    }

    /** P1 and P2 problems of this order configuration. */
    List<Problem> problems(int id) {
        return problems.get(id);
    }

    /** The environment id for other orders' loads and the cursor (an agent index, -1 for none). */
    int env(int[] othersLoad, int cursor) {
        Env env = new Env(Arrays.stream(othersLoad).boxed().toList(),
                cursor < 0 ? null : bounds.agents().get(cursor).agentId());
        return envIds.computeIfAbsent(env, e -> {
            envs.add(e);
            return envs.size() - 1;
        });
    }

    /** What an order in {@code local} can do when the other orders and the cursor are {@code env}. */
    Steps steps(int local, int env) {
        return memo.computeIfAbsent(((long) local << 32) | env, key -> compute(local, env));
    }

    /** Every row that fired in some step computed so far. */
    Set<Transition> fired() {
        return fired;
    }

    private Steps compute(int localId, int envId) {
        Local from = locals.get(localId);
        Env env = envs.get(envId);
        int cursor = env.cursor() == null ? -1 : bounds.indexOf(env.cursor());
        Map<List<Integer>, Integer> successors = new LinkedHashMap<>();
        List<Flagged> flagged = new ArrayList<>();
        for (int a = 0; a < stepper.actionCount(); a++) {
            Move move = stepper.step(from, a, env);
            int next = move.next() == null ? -1 : intern(move.next());
            int after = move.cursor() == null ? -1 : bounds.indexOf(move.cursor());
            List<Problem> found = Checks.ofMove(definition, from, move);
            if (!found.isEmpty()) {
                flagged.add(new Flagged(a, next, found));
            }
            if (move.fired() != null) {
                fired.add(move.fired());
            }
            if (next >= 0 && (next != localId || after != cursor)) {
                successors.putIfAbsent(List.of(next, after), a);
            }
        }
        int[] nexts = successors.keySet().stream().mapToInt(k -> k.get(0)).toArray();
        int[] cursors = successors.keySet().stream().mapToInt(k -> k.get(1)).toArray();
        int[] actions = successors.values().stream().mapToInt(Integer::intValue).toArray();
        return new Steps(nexts, cursors, actions, List.copyOf(flagged));
    }
}
