package io.supportflow.benchmarks;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one order's {@link OrderCycle} stores, step by step: the session record and journal entry of each accepted
 * command (computed by the reference model), as bytes for the raw MapDB baseline.
 */
final class CycleRecords {

    private CycleRecords() {
    }

    /** One record per cycle step, in step order. */
    static List<byte[]> of(String orderId) {
        ReferenceModel model = new ReferenceModel(Lifecycle.standard(), Instant.parse("2025-01-01T00:00:00Z"));
        List<byte[]> records = new ArrayList<>();
        for (int step = 0; step < OrderCycle.LENGTH; step++) {
            if (!(model.apply(OrderCycle.command(orderId, step)) instanceof Outcome.Accepted accepted)) {
                throw new IllegalStateException("the reference model refused step " + step + " of the order cycle");
            }
            records.add((accepted.session() + "\n" + accepted.entry()).getBytes(StandardCharsets.UTF_8));
        }
        return List.copyOf(records);
    }
}
