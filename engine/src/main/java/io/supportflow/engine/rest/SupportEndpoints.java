package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.engine.SupportEngine;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The endpoints over a {@link SupportEngine}: DESIGN §1's seven 8.12 operations, the session list, the history,
 * custom events ({@code POST /support/{orderId}/events/{event}}), the agents' loads, the health check and the
 * served contract ({@code GET /openapi.yaml}). Each
 * turns an {@link ApiRequest} into a {@link Reply}; refusals propagate as the engine's {@code SupportException} or a
 * {@link Failure.Rejected}, and then nothing has changed.
 */
final class SupportEndpoints {
    private static final Set<String> LIST_PARAMETERS = Set.of("state", "agent");
    /** The longest state or agent id a query may name (as long as the longest valid id). */
    private static final int MAX_QUERY_VALUE = 128;

    private final SupportEngine engine;
    private final AgentLoads agentLoads;

    SupportEndpoints(SupportEngine engine) {
        this.engine = engine;
        this.agentLoads = new AgentLoads(engine);
    }

    Reply answer(ApiRequest request) {
        return switch (request.route().endpoint()) {
            case HEALTH -> health();
            case SESSIONS -> sessions(request);
            case HISTORY -> history(request.orderId());
            case SUPPORT -> support(request);
            case AGENT -> agent(request);
            case EVENT -> session(200, run(new Command.Fire(request.orderId(), request.route().event(),
                    eventAgent(request), request.actor()), request.ifMatch()));
            case AGENTS -> agentLoads.registered();
            case AGENT_LOAD -> agentLoads.of(request.route().agentId());
            case OPENAPI -> ServedContract.reply();
        };
    }

    private Reply support(ApiRequest request) {
        String orderId = request.orderId();
        return switch (request.method()) {
            case "GET" -> session(200, engine.get(orderId));
            case "POST" -> created(engine.open(orderId, supportBody(request), request.actor()));
            case "PUT" -> session(200, run(new Command.Update(orderId, supportBody(request), request.actor()),
                    request.ifMatch()));
            default -> session(200, run(new Command.Close(orderId, request.actor()), request.ifMatch()));
        };
    }

    private Reply agent(ApiRequest request) {
        String orderId = request.orderId();
        return switch (request.method()) {
            case "GET" -> agentOf(engine.get(orderId));
            case "PUT" -> session(200, run(new Command.Assign(orderId, agentBody(request), request.actor()),
                    request.ifMatch()));
            default -> session(200, run(new Command.Unassign(orderId, request.actor()), request.ifMatch()));
        };
    }

    private Session run(Command command, OptionalLong ifMatch) {
        return ifMatch.isPresent() ? engine.execute(command, ifMatch.getAsLong()) : engine.execute(command);
    }

    /** The valid Support body with the path's order id ({@code order_id}, when given, must equal it). */
    private static Support supportBody(ApiRequest request) {
        return Inputs.validSupport(GovStackJson.readSupport(request.body()), request.orderId());
    }

    /** The valid agent of a PUT /agent body (a Support, or a bare Agent); it needs an id. */
    private static Agent agentBody(ApiRequest request) {
        Agent agent = Inputs.validSupport(GovStackJson.readAgentBody(request.body()), request.orderId()).agent();
        if (agent == null) {
            throw Failure.of(ErrorCode.AGENT_ID_REQUIRED, "order " + request.orderId() + ": the body has no agent. "
                    + ErrorCode.AGENT_ID_REQUIRED.nextStep(), "agent.id").rejected();
        }
        return agent;
    }

    /** The optional agent of an event body (a bare Agent, or a Support with an agent); null for none. */
    private static Agent eventAgent(ApiRequest request) {
        return Inputs.validSupport(GovStackJson.readAgentBody(request.body()), request.orderId()).agent();
    }

    private Reply agentOf(Session session) {
        if (session.agent() == null) {
            throw Failure.of(ErrorCode.AGENT_NOT_FOUND, "order " + session.orderId() + " has no agent (state "
                    + session.state() + "). " + ErrorCode.AGENT_NOT_FOUND.nextStep(), null).rejected();
        }
        return new Reply(200, GovStackJson.mapper().valueToTree(session.agent()), session.version(), null);
    }

    private Reply sessions(ApiRequest request) {
        Map<String, String> query = request.query();
        for (String name : query.keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                throw Failure.invalid("unknown query parameter " + Failure.echo(name) + "; use state and agent",
                        Failure.echo(name)).rejected();
            }
        }
        String state = nonEmpty(query, "state");
        String agentId = nonEmpty(query, "agent");
        List<Session> found = state != null ? engine.sessionsInState(state)
                : agentId != null ? engine.sessionsOfAgent(agentId) : everySession();
        ArrayNode array = GovStackJson.mapper().createArrayNode();
        found.stream()
                .filter(s -> agentId == null || s.agent() != null && agentId.equals(s.agent().id()))
                .forEach(s -> array.add(GovStackJson.sessionNode(s)));
        return Reply.of(200, array);
    }

    private List<Session> everySession() {
        List<Session> all = new ArrayList<>();
        for (String state : engine.definition().states()) {
            if (!state.equals(engine.definition().initialState())) {
                all.addAll(engine.sessionsInState(state));
            }
        }
        all.sort(Comparator.comparing(Session::orderId));
        return all;
    }

    private static String nonEmpty(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value != null && value.isBlank()) {
            throw Failure.invalid("query parameter " + name + " is empty", name).rejected();
        }
        if (value != null && value.length() > MAX_QUERY_VALUE) {
            throw Failure.invalid("query parameter " + name + " is longer than " + MAX_QUERY_VALUE + " characters",
                    name).rejected();
        }
        return value;
    }

    private Reply history(String orderId) {
        ArrayNode array = GovStackJson.mapper().createArrayNode();
        for (JournalEntry entry : engine.history(orderId)) {
            array.add(entryNode(entry));
        }
        return Reply.of(200, array);
    }

    private static ObjectNode entryNode(JournalEntry entry) {
        ObjectNode node = GovStackJson.mapper().createObjectNode();
        node.put("version", entry.version());
        node.put("event", entry.event());
        node.put("from", entry.from());
        node.put("to", entry.to());
        node.put("at", entry.at().toString());
        node.put("actor", entry.actor().name());
        if (entry.agent() != null) {
            node.put("agent_id", entry.agent().id());
        }
        return node;
    }

    private Reply health() {
        ObjectNode node = GovStackJson.mapper().createObjectNode();
        node.put("status", "UP");
        node.put("lifecycle", engine.definition().name());
        return Reply.of(200, node);
    }

    private static Reply session(int status, Session session) {
        return new Reply(status, GovStackJson.sessionNode(session), session.version(), null);
    }

    private static Reply created(Session session) {
        return new Reply(201, GovStackJson.sessionNode(session), session.version(), "/support/" + session.orderId());
    }
}
