package io.supportflow.engine.rest;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The endpoint a request path names, with its order id (checked by {@link OrderIds}), agent id (checked by
 * {@link AgentIds}) or event name when it has one.
 *
 * @param orderId null for endpoints without one
 * @param agentId null for endpoints without one
 * @param event   the event of {@code POST /support/{orderId}/events/{event}}; null for other endpoints
 */
record Route(Endpoint endpoint, String orderId, String agentId, String event) {
    /** An event name in a path: a letter, then up to 63 letters, digits, {@code _ . -}. */
    private static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    enum Endpoint {
        HEALTH("GET"),
        METRICS("GET"),
        SESSIONS("GET"),
        SUPPORT("GET", "POST", "PUT", "DELETE"),
        AGENT("GET", "PUT", "DELETE"),
        HISTORY("GET"),
        EVENT("POST"),
        AGENTS("GET"),
        AGENT_LOAD("GET"),
        OPENAPI("GET");

        private final List<String> methods;

        Endpoint(String... methods) {
            this.methods = List.of(methods);
        }

        List<String> methods() {
            return methods;
        }
    }

    /**
     * The route of a raw (still percent-encoded) request path; empty when no endpoint has this path.
     *
     * @throws Failure.Rejected INVALID_INPUT when the path names an endpoint with an invalid order or agent id
     */
    static Optional<Route> of(String rawPath) {
        String[] parts = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[] {""};
        return switch (parts[0]) {
            case "health" -> parts.length == 1 ? Optional.of(new Route(Endpoint.HEALTH, null, null, null)) : Optional.empty();
            case "metrics" -> parts.length == 1 ? Optional.of(new Route(Endpoint.METRICS, null, null, null))
                    : Optional.empty();
            case "support" -> support(parts);
            case "agents" -> agents(parts);
            case "openapi.yaml" -> parts.length == 1 ? Optional.of(new Route(Endpoint.OPENAPI, null, null, null))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Route> support(String[] parts) {
        return switch (parts.length) {
            case 1 -> Optional.of(new Route(Endpoint.SESSIONS, null, null, null));
            case 2 -> Optional.of(new Route(Endpoint.SUPPORT, OrderIds.check(parts[1]), null, null));
            case 3 -> sub(parts[2]).map(endpoint -> new Route(endpoint, OrderIds.check(parts[1]), null, null));
            case 4 -> parts[2].equals("events")
                    ? Optional.of(new Route(Endpoint.EVENT, OrderIds.check(parts[1]), null, event(parts[3])))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Route> agents(String[] parts) {
        return switch (parts.length) {
            case 1 -> Optional.of(new Route(Endpoint.AGENTS, null, null, null));
            case 2 -> Optional.of(new Route(Endpoint.AGENT_LOAD, null, AgentIds.check(parts[1]), null));
            default -> Optional.empty();
        };
    }

    private static String event(String raw) {
        if (!EVENT_NAME.matcher(raw).matches()) {
            throw Failure.invalid("event: not an event name (a letter, then up to 63 of A-Z a-z 0-9 _ . -)", "event")
                    .rejected();
        }
        return raw;
    }

    private static Optional<Endpoint> sub(String name) {
        return switch (name) {
            case "agent" -> Optional.of(Endpoint.AGENT);
            case "history" -> Optional.of(Endpoint.HISTORY);
            default -> Optional.empty();
        };
    }
}
