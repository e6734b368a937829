package io.supportflow.persistence;

import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A minimal engine for tests: each command is decided by {@link Semantics} on the store's data, then committed. */
final class StoreDriver {
    private final SupportStore store;

    StoreDriver(SupportStore store) {
        this.store = store;
    }

    /** Decides {@code command} at {@code now} and commits it when accepted. */
    Outcome apply(Command command, Instant now) {
        Outcome outcome = decide(command, now);
        if (outcome instanceof Outcome.Accepted accepted) {
            store.commit(Commit.of(accepted));
        }
        return outcome;
    }

    Outcome decide(Command command, Instant now) {
        Session current = store.load(command.orderId()).orElse(null);
        return Semantics.step(Scenario.LIFECYCLE, current, command, Stores.world(store), now);
    }

    /** Fires every idle timer due at {@code now}; returns the outcomes in firing order. */
    List<Outcome> fireDueTimers(Instant now) {
        List<Outcome> fired = new ArrayList<>();
        for (String orderId : store.dueTimers(now)) {
            fired.add(apply(new Command.IdleTimeout(orderId), now));
        }
        return fired;
    }
}
