package io.supportflow.spec.check;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interns order configurations and environments as small ints and memoises {@link Stepper#step} per
 * (order configuration, environment): an order's step depends on nothing else, so each is run once however many
 * configurations of all orders share it. Records every row that fired. Not thread-safe.
 */
final class Moves {
    /** An interned step: the next order configuration (-1: unchanged), the cursor after, the problems of the move. */
    record Step(int next, int cursor, List<Problem> problems) {
        static final Step NONE = new Step(-1, -1, List.of());
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
    private final Map<Long, Step[]> memo = new HashMap<>();
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

    /** The step of every action from {@code local} in {@code env}, indexed by action. */
    Step[] steps(int local, int env) {
        return memo.computeIfAbsent(((long) local << 32) | env, key -> compute(local, env));
    }

    /** Every row that fired in some step computed so far. */
    Set<Transition> fired() {
        return fired;
    }

    private Step[] compute(int localId, int envId) {
        Local from = locals.get(localId);
        Step[] steps = new Step[stepper.actionCount()];
        for (int a = 0; a < steps.length; a++) {
            Move move = stepper.step(from, a, envs.get(envId));
            List<Problem> found = Checks.ofMove(definition, from, move);
            if (move.fired() != null) {
                fired.add(move.fired());
            }
            steps[a] = move.next() == null && found.isEmpty() ? Step.NONE
                    : new Step(move.next() == null ? -1 : intern(move.next()),
                    move.cursor() == null ? -1 : bounds.indexOf(move.cursor()), found);
        }
        return steps;
    }
}
