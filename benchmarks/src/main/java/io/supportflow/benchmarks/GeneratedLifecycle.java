package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.LifecycleBuilder;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.lifecycle.Transition;

/**
 * A large, well-formed lifecycle for the model checker's timing: {@code states} states (the initial one, then
 * {@code S1 … S(n-2)}, then the final {@code DONE}) and {@code transitions} unguarded rows spread evenly over the
 * states. Event {@code e0} leads every state to the next one (so every state is reachable and can reach
 * {@code DONE}); the other events jump pseudo-randomly but deterministically. Rows out of {@code DONE} are
 * reopens. At most one row per (state, event).
 */
final class GeneratedLifecycle {
    private static final String FINAL = "DONE";

    private GeneratedLifecycle() {
    }

    /**
     * The definition.
     *
     * @throws IllegalArgumentException unless {@code states >= 3} and {@code states <= transitions}
     */
    static Lifecycle of(int states, int transitions) {
        if (states < 3 || transitions < states) {
            throw new IllegalArgumentException("need 3 <= states <= transitions: " + states + ", " + transitions);
        }
        LifecycleBuilder builder = Lifecycle.builder("generated-" + states + "-" + transitions).initial(States.NONE);
        for (int s = 1; s < states - 1; s++) {
            builder.state(name(s, states));
        }
        builder.finalState(FINAL);
        for (int row = 0; row < transitions; row++) {
            addRow(builder, row % states, row / states, states);
        }
        return builder.build();
    }

    private static void addRow(LifecycleBuilder builder, int source, int event, int states) {
        int target = event == 0
                ? Math.min(source + 1, states - 1)
                : 1 + Math.floorMod(source * 7919 + event * 104_729, states - 1);
        if (source == states - 1) {
            builder.reopen(Transition.of(FINAL, "e" + event, name(event == 0 ? 1 : target, states)));
        } else {
            builder.add(name(source, states), "e" + event, name(target, states));
        }
    }

    private static String name(int index, int states) {
        return index == 0 ? States.NONE : index == states - 1 ? FINAL : "S" + index;
    }
}
