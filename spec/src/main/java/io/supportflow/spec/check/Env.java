package io.supportflow.spec.check;

import java.util.List;

/**
 * What one order's step reads of the other orders: per bounded agent (in {@link Bounds#agents()} order) its ACTIVE
 * assignments on other orders, and the round-robin cursor (the agent of the last assignment started, tracked only
 * under the round-robin strategy, else null).
 */
record Env(List<Integer> othersLoad, String cursor) {

    Env {
        othersLoad = List.copyOf(othersLoad);
    }
}
