package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Collections;
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
    private final Map<List<Integer>, Integer> envIds = new HashMap<>();
    private final Map<Long, Steps> memo = new HashMap<>();
    private final Set<Transition> fired = Collections.newSetFromMap(new IdentityHashMap<>());

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
        int[] load = new int[bounds.agents().size()];
        for (int a = 0; a < load.length; a++) {
            load[a] = local.load(bounds.agents().get(a).agentId());
        }
        loads.add(load);
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

    /**
     * The environment id for other orders' loads and the cursor (an agent index, -1 for none); environments are
     * interned by the loads followed by the cursor index.
     */
    int env(int[] othersLoad, int cursor) {
        List<Integer> loads = new ArrayList<>(othersLoad.length);
        for (int load : othersLoad) {
            loads.add(load);
        }
        List<Integer> key = new ArrayList<>(loads);
        key.add(cursor);
        Integer id = envIds.get(key);
        if (id == null) {
            envs.add(new Env(loads, cursor < 0 ? null : bounds.agents().get(cursor).agentId()));
            id = envs.size() - 1;
            envIds.put(key, id);
        }
        return id;
    }

    /** What an order in {@code local} can do when the other orders and the cursor are {@code env}. */
    Steps steps(int local, int env) {
        long key = ((long) local << 32) | env;
        Steps steps = memo.get(key);
        if (steps == null) {
            steps = compute(local, env);
            memo.put(key, steps);
        }
        return steps;
    }

    /** Every row of the definition (the very instances in its table) that fired in some step computed so far. */
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
        int[] nexts = new int[successors.size()];
        int[] cursors = new int[nexts.length];
        int[] actions = new int[nexts.length];
        int s = 0;
        for (Map.Entry<List<Integer>, Integer> e : successors.entrySet()) {
            nexts[s] = e.getKey().get(0);
            cursors[s] = e.getKey().get(1);
            actions[s++] = e.getValue();
        }
        return new Steps(nexts, cursors, actions, List.copyOf(flagged));
    }
}
