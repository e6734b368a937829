package io.supportflow.engine.rest;

import java.util.List;
import java.util.Optional;

/**
 * The endpoint a request path names, with its order id (checked by {@link OrderIds}) when it has one.
 *
 * @param orderId null for endpoints without one
 */
record Route(Endpoint endpoint, String orderId) {

    enum Endpoint {
        HEALTH("GET"),
        SESSIONS("GET"),
        SUPPORT("GET", "POST", "PUT", "DELETE"),
        AGENT("GET", "PUT", "DELETE"),
        HISTORY("GET");

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
     * @throws Failure.Rejected INVALID_INPUT when the path names an endpoint with an invalid order id
     */
    static Optional<Route> of(String rawPath) {
        String[] parts = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[0];
        if (parts.length == 1 && parts[0].equals("health")) {
            return Optional.of(new Route(Endpoint.HEALTH, null));
        }
        if (parts.length == 0 || !parts[0].equals("support")) {
            return Optional.empty();
        }
        return switch (parts.length) {
            case 1 -> Optional.of(new Route(Endpoint.SESSIONS, null));
            case 2 -> Optional.of(new Route(Endpoint.SUPPORT, OrderIds.check(parts[1])));
            case 3 -> sub(parts[2]).map(endpoint -> new Route(endpoint, OrderIds.check(parts[1])));
            default -> Optional.empty();
        };
    }

    private static Optional<Endpoint> sub(String name) {
        return switch (name) {
            case "agent" -> Optional.of(Endpoint.AGENT);
            case "history" -> Optional.of(Endpoint.HISTORY);
            default -> Optional.empty();
        };
    }
}
