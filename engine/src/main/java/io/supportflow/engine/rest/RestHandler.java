package io.supportflow.engine.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.supportflow.engine.SupportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.UUID;

/**
 * The one handler of the server: token check, routing, method check, body limit, then the endpoint; every refusal
 * and failure becomes a GovStack {@code Error} reply. Unexpected failures are logged with a reference that the
 * reply carries; the reply never carries a stack trace, an exception message or a file path.
 */
final class RestHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final SupportEndpoints endpoints;
    private final BearerToken token;
    private final InFlight inFlight;

    /** @param token null when requests need no token */
    RestHandler(SupportEndpoints endpoints, BearerToken token, InFlight inFlight) {
        this.endpoints = endpoints;
        this.token = token;
        this.inFlight = inFlight;
    }

    @Override
    public void handle(HttpExchange exchange) {
        if (inFlight.draining()) {
            exchange.getResponseHeaders().set("Connection", "close");
            reply(exchange, Reply.failure(Failure.of(TransportError.SERVICE_UNAVAILABLE,
                    "the server is shutting down. Retry against another instance or later.", null)));
            return;
        }
        reply(exchange, replyTo(exchange));
    }

    private Reply replyTo(HttpExchange exchange) {
        try {
            authorize(exchange);
            Route route = Route.of(exchange.getRequestURI().getRawPath()).orElseThrow(() -> Failure.of(
                    TransportError.ROUTE_NOT_FOUND, "no endpoint has this path; the 8.12 endpoints are under "
                            + "/support/{orderId}", null).rejected());
            String method = exchange.getRequestMethod();
            if (!route.endpoint().methods().contains(method)) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", route.endpoint().methods()));
                throw Failure.of(TransportError.METHOD_NOT_ALLOWED, method + " is not allowed here; use "
                        + String.join(", ", route.endpoint().methods()), null).rejected();
            }
            byte[] body = HttpIo.readBody(exchange);
            return endpoints.answer(new Request(method, route, exchange.getRequestHeaders(),
                    exchange.getRequestURI().getRawQuery(), body));
        } catch (Failure.Rejected rejected) {
            return Reply.failure(rejected.failure());
        } catch (SupportException refused) {
            return Reply.failure(new Failure(refused.httpStatus(), refused.code().name(), refused.getMessage(),
                    refused.paths()));
        } catch (IOException e) {
            LOG.debug("{} {}: the body could not be read", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
            return Reply.failure(Failure.invalid("the body could not be read to its end", "body"));
        } catch (RuntimeException e) {
            return unexpected(exchange, e);
        }
    }

    private void authorize(HttpExchange exchange) {
        if (token != null && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"supportflow\"");
            throw Failure.of(TransportError.UNAUTHORIZED, "send Authorization: Bearer <token> with the server's token",
                    "Authorization").rejected();
        }
    }

    private static Reply unexpected(HttpExchange exchange, RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        if (e instanceof IllegalStateException) {
            LOG.warn("{} {} failed (reference {}): the engine is not available", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), reference, e);
            return Reply.failure(Failure.of(TransportError.SERVICE_UNAVAILABLE, "the service is not available "
                    + "(reference " + reference + "). Retry later.", null));
        }
        LOG.error("{} {} failed (reference {})", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                reference, e);
        return Reply.failure(Failure.of(TransportError.INTERNAL_ERROR, "an unexpected error occurred (reference "
                + reference + "); the server log has the details", null));
    }

    private static void reply(HttpExchange exchange, Reply reply) {
        try (exchange) {
            HttpIo.send(exchange, reply);
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away before the reply", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e);
        }
    }
}
