package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Replayed;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * P1, P2, P3 and P5 on what the engine shows ({@link Snapshot}), independent of the reference model. Each failure
 * throws an {@link AssertionError} whose message starts with the property's number.
 */
final class Invariants {

    private Invariants() {
    }

    /**
     * Checks every order and agent of {@code engine}.
     *
     * @param registered the agents registered with the engine, by id (capacity of an unregistered agent: the policy's)
     */
    static void check(Lifecycle definition, Snapshot engine, Map<String, AgentProfile> registered) {
        engine.orders().forEach((orderId, order) -> {
            order.session().ifPresent(s -> {
                agentMatchesState(definition, s, order.assignments());
                finalHoldsNothing(definition, s, order.assignments());
            });
            journalReplays(definition, orderId, order);
        });
        loadsWithinCapacity(definition, engine, registered);
    }

    /** P1: ASSIGNED ⇔ the session has an agent ⇔ exactly one ACTIVE assignment for the order, of that agent. */
    static void agentMatchesState(Lifecycle definition, Session s, List<Assignment> assignments) {
        List<Assignment> active = assignments.stream().filter(Assignment::active).toList();
        boolean agentState = definition.holdsAgent(s.state());
        boolean consistent = agentState == (s.agent() != null)
                && active.size() == (agentState ? 1 : 0)
                && (active.isEmpty() || Objects.equals(active.get(0).agentId(), s.agent().id()));
        check(consistent, () -> "P1 violated on order " + s.orderId() + ": state " + s.state() + ", agent "
                + s.agent() + ", ACTIVE assignments " + active);
    }

    /** P2: a session in a final state has no agent and no ACTIVE assignment. */
    static void finalHoldsNothing(Lifecycle definition, Session s, List<Assignment> assignments) {
        boolean holds = !definition.isFinal(s.state())
                || s.agent() == null && assignments.stream().noneMatch(Assignment::active);
        check(holds, () -> "P2 violated on order " + s.orderId() + ": final state " + s.state() + " with agent "
                + s.agent() + " and assignments " + assignments);
    }

    /** P5: replaying the journal from nothing gives the stored session and assignments exactly. */
    static void journalReplays(Lifecycle definition, String orderId, Snapshot.Order order) {
        if (order.session().isEmpty()) {
            check(order.journal().isEmpty() && order.assignments().isEmpty(), () -> "P5 violated on order " + orderId
                    + ": no session but journal " + order.journal() + " and assignments " + order.assignments());
            return;
        }
        Replayed replayed = Semantics.replay(definition, order.journal());
        Replayed stored = new Replayed(order.session().get(), order.assignments());
        check(replayed.equals(stored), () -> "P5 violated on order " + orderId + ": replaying the journal gives "
                + replayed + " but the engine stores " + stored);
    }

    /** P3: per agent, ACTIVE assignments ≤ capacity; the engine's agent load counts exactly those assignments. */
    static void loadsWithinCapacity(Lifecycle definition, Snapshot engine, Map<String, AgentProfile> registered) {
        engine.agentLoads().forEach((agentId, load) -> {
            long active = engine.orders().values().stream().flatMap(o -> o.assignments().stream())
                    .filter(a -> a.active() && a.agentId().equals(agentId)).count();
            check(load == active, () -> "P3 violated for agent " + agentId + ": the engine reports load " + load
                    + " but holds " + active + " ACTIVE assignments");
            Integer capacity = capacity(definition, registered.get(agentId));
            check(capacity == null || active <= capacity, () -> "P3 violated for agent " + agentId + ": " + active
                    + " ACTIVE assignments, capacity " + capacity);
        });
    }

    static Integer capacity(Lifecycle definition, AgentProfile profile) {
        Integer own = profile == null ? null : profile.capacity();
        return own != null ? own : definition.policies().agentCapacity();
    }

    static void check(boolean holds, Supplier<String> message) {
        if (!holds) {
            throw new AssertionError(message.get());
        }
    }
}
