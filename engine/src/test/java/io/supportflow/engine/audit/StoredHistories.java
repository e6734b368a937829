package io.supportflow.engine.audit;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Histories for audit tests: the commits the reference model accepts for one order of the standard lifecycle
 * (open with an agent, update, close; or just open), which a test may doctor before storing them.
 */
public final class StoredHistories {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private StoredHistories() {
    }

    /** open with agent {@code agent}, update, close: three accepted commits, one second apart. */
    public static List<Commit> served(String orderId, String agent) {
        ReferenceModel model = new ReferenceModel(Lifecycle.standard(), START);
        List<Commit> commits = new ArrayList<>();
        for (Command c : List.of(
                new Command.Open(orderId, Support.forOrder(orderId).withAgent(Agent.withId(agent)), Actor.CUSTOMER),
                new Command.Update(orderId, Support.forOrder(orderId), Actor.AGENT),
                new Command.Close(orderId, Actor.AGENT))) {
            commits.add(Commit.of((Outcome.Accepted) model.apply(c)));
            model.advanceClock(Duration.ofSeconds(1));
        }
        return commits;
    }

    /** Stores the commits in order, each durable before the next. */
    public static void store(SupportStore store, List<Commit> commits) {
        commits.forEach(store::commit);
    }

    /** {@code commits} with the one at {@code index} replaced. */
    public static List<Commit> with(List<Commit> commits, int index, UnaryOperator<Commit> change) {
        List<Commit> changed = new ArrayList<>(commits);
        changed.set(index, change.apply(commits.get(index)));
        return changed;
    }
}
