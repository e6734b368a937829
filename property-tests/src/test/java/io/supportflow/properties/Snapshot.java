package io.supportflow.properties;

import io.supportflow.engine.NotFoundException;
import io.supportflow.engine.SupportEngine;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything observable about some orders and agents, read through the engine's public API or from the reference
 * model in the same shape, so the two compare with {@code equals}: sessions, journals, assignments, agent loads and
 * the state and agent indexes.
 */
record Snapshot(Map<String, Order> orders, Map<String, Integer> agentLoads, Map<String, List<String>> inState,
                Map<String, List<String>> ofAgent) {

    /** One order: its session (if any), journal and assignments. */
    record Order(Optional<Session> session, List<JournalEntry> journal, List<Assignment> assignments) {
        long version() {
            return session.map(Session::version).orElse(0L);
        }
    }

    static Snapshot of(SupportEngine engine, List<String> orderIds, List<String> agentIds) {
        Map<String, Order> orders = new LinkedHashMap<>();
        for (String id : orderIds) {
            orders.put(id, engineOrder(engine, id));
        }
        Map<String, Integer> loads = new LinkedHashMap<>();
        Map<String, List<String>> ofAgent = new LinkedHashMap<>();
        for (String agentId : agentIds) {
            loads.put(agentId, engine.agentLoad(agentId));
            ofAgent.put(agentId, ids(engine.sessionsOfAgent(agentId)));
        }
        Map<String, List<String>> inState = new LinkedHashMap<>();
        for (String state : engine.definition().states()) {
            inState.put(state, ids(engine.sessionsInState(state)));
        }
        return new Snapshot(orders, loads, inState, ofAgent);
    }

    static Snapshot of(ReferenceModel model, List<String> orderIds, List<String> agentIds) {
        Map<String, Order> orders = new LinkedHashMap<>();
        for (String id : orderIds) {
            orders.put(id, new Order(model.session(id), model.journal(id), model.assignments(id)));
        }
        Map<String, Integer> loads = new LinkedHashMap<>();
        Map<String, List<String>> ofAgent = new LinkedHashMap<>();
        for (String agentId : agentIds) {
            loads.put(agentId, model.agentLoad(agentId));
            ofAgent.put(agentId, ids(model.sessions().stream()
                    .filter(s -> s.agent() != null && s.agent().id().equals(agentId)).toList()));
        }
        Map<String, List<String>> inState = new LinkedHashMap<>();
        for (String state : model.definition().states()) {
            inState.put(state, ids(model.sessions().stream().filter(s -> s.state().equals(state)).toList()));
        }
        return new Snapshot(orders, loads, inState, ofAgent);
    }

    Order order(String orderId) {
        return Objects.requireNonNull(orders.get(orderId), orderId);
    }

    private static Order engineOrder(SupportEngine engine, String orderId) {
        return new Order(found(() -> engine.get(orderId)), found(() -> engine.history(orderId)).orElse(List.of()),
                found(() -> engine.assignments(orderId)).orElse(List.of()));
    }

    /** The answer of a read, empty when the engine says the order has no session. */
    private static <T> Optional<T> found(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (NotFoundException e) {
            if (e.code() != ErrorCode.SUPPORT_NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static List<String> ids(List<Session> sessions) {
        return sessions.stream().map(Session::orderId).sorted().toList();
    }
}
