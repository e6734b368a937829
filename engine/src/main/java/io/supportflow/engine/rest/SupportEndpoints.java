package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.engine.Page;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.internal.Paging;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The endpoints over a {@link SupportEngine}: DESIGN §1's seven 8.12 operations, the session list and the history
 * (both in pages of {@code limit} items, default {@link Page#DEFAULT_LIMIT}, at most {@link Page#MAX_LIMIT}, the
 * next page linked with {@code Link: <…&cursor=…>; rel="next"}),
 * custom events ({@code POST /support/{orderId}/events/{event}}), the agents' loads, the health check, the
 * engine's meters in Prometheus text ({@code GET /metrics}) and the served contract ({@code GET /openapi.yaml}). Each
 * turns an {@link ApiRequest} into a {@link Reply}; refusals propagate as the engine's {@code SupportException} or a
 * {@link Failure.Rejected}, and then nothing has changed.
 */
final class SupportEndpoints {
    private static final Set<String> LIST_PARAMETERS = Set.of("state", "agent", "limit", "cursor");
    private static final Set<String> PAGE_PARAMETERS = Set.of("limit", "cursor");
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
            case METRICS -> Reply.prometheus(Metrics.scrape(engine.meterRegistry()));
            case SESSIONS -> sessions(request);
            case HISTORY -> history(request);
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
        return new Reply(200, GovStackJson.mapper().valueToTree(session.agent()), session.version(), null, null);
    }

    private Reply sessions(ApiRequest request) {
        Map<String, String> query = known(request, LIST_PARAMETERS);
        String state = nonEmpty(query, "state");
        String agentId = nonEmpty(query, "agent");
        int limit = limit(query);
        String cursor = cursor(query);
        Page<Session> page = state != null ? engine.sessionsInState(state, cursor, limit)
                : agentId != null ? engine.sessionsOfAgent(agentId, cursor, limit) : engine.sessions(cursor, limit);
        ArrayNode array = GovStackJson.mapper().createArrayNode();
        page.items().stream()
                .filter(s -> agentId == null || s.agent() != null && agentId.equals(s.agent().id()))
                .forEach(s -> array.add(GovStackJson.sessionNode(s)));
        return Reply.page(array, page.next().map(next -> nextLink("/support", query, limit, next)).orElse(null));
    }

    private Reply history(ApiRequest request) {
        Map<String, String> query = known(request, PAGE_PARAMETERS);
        int limit = limit(query);
        Page<JournalEntry> page = engine.history(request.orderId(), cursor(query), limit);
        ArrayNode array = GovStackJson.mapper().createArrayNode();
        for (JournalEntry entry : page.items()) {
            array.add(entryNode(entry));
        }
        String path = "/support/" + request.orderId() + "/history";
        return Reply.page(array, page.next().map(next -> nextLink(path, query, limit, next)).orElse(null));
    }

    /** The query, once every parameter in it is one of {@code known}. */
    private static Map<String, String> known(ApiRequest request, Set<String> known) {
        Map<String, String> query = request.query();
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw Failure.invalid("unknown query parameter " + Failure.echo(name) + "; use "
                        + String.join(", ", known.stream().sorted().toList()), Failure.echo(name)).rejected();
            }
        }
        return query;
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

    /** {@code limit}, {@link Page#DEFAULT_LIMIT} when absent. */
    private static int limit(Map<String, String> query) {
        String value = query.get("limit");
        try {
            return value == null ? Page.DEFAULT_LIMIT : Paging.limit(value);
        } catch (IllegalArgumentException e) {
            throw Failure.invalid(e.getMessage(), "limit").rejected();
        }
    }

    /** {@code cursor}, null when absent (the first page); the engine checks what it says. */
    private static String cursor(Map<String, String> query) {
        String value = query.get("cursor");
        if (value != null && value.isEmpty()) {
            throw Failure.invalid("query parameter cursor is empty", "cursor").rejected();
        }
        return value;
    }

    /** The same query with {@code cursor} for the next page and the limit this page was cut at. */
    private static String nextLink(String path, Map<String, String> query, int limit, String cursor) {
        StringBuilder link = new StringBuilder(path).append('?');
        for (String name : List.of("state", "agent")) {
            if (query.containsKey(name)) {
                link.append(name).append('=').append(URLEncoder.encode(query.get(name), StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return link.append("limit=").append(limit).append("&cursor=").append(cursor).toString();
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
        return new Reply(status, GovStackJson.sessionNode(session), session.version(), null, null);
    }

    private static Reply created(Session session) {
        return new Reply(201, GovStackJson.sessionNode(session), session.version(), "/support/" + session.orderId(), null);
    }
}
