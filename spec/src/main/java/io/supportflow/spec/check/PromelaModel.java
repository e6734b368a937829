package io.supportflow.spec.check;

import java.util.Map;

/**
 * A generated Promela model and what is needed to read SPIN's answers about it.
 *
 * @param text     the model
 * @param problems the breach each key the model prints ({@code breach K}) stands for
 */
record PromelaModel(String text, Map<Integer, Problem> problems) {

    PromelaModel {
        problems = Map.copyOf(problems);
    }

    /** The problem whose key is {@code key}. */
    Problem problem(int key) {
        Problem p = problems.get(key);
        if (p == null) {
            throw new SpinException("SPIN reported breach " + key + ", which the model does not have");
        }
        return p;
    }
}
