package io.supportflow.engine.rest;

import io.supportflow.engine.SupportException;
import io.supportflow.persistence.StoreDamagedException;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The handler of every request: token check, routing, method check, body limit, then the endpoint; every refusal
 * and failure becomes a GovStack {@code Error} reply. HEAD is answered as GET without the body. Unexpected failures
 * are logged with a reference that the reply carries; the reply never carries a stack trace, an exception message
 * or a file path. Blocking (commands wait for their commit), so Jetty runs it on its worker threads.
 */
final class RestHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final SupportEndpoints endpoints;
    private final BearerToken token;
    private final HttpIo io;
    private final Metrics metrics;

    /** @param token null when requests need no token */
    RestHandler(SupportEndpoints endpoints, BearerToken token, HttpIo io, Metrics metrics) {
        this.endpoints = endpoints;
        this.token = token;
        this.io = io;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            Reply reply = replyTo(request, response);
            metrics.answered(reply.status());
            io.discardRest(request, response);
            io.send(request, response, reply, callback);
        } catch (HttpIo.TooLarge tooLarge) {
            metrics.answered(TransportError.BODY_TOO_LARGE.httpStatus());
            io.refuse(request, response, tooLarge, callback);
        }
        return true;
    }

    private Reply replyTo(Request request, Response response) throws HttpIo.TooLarge {
        try {
            authorize(request, response);
            Route route = Route.of(request.getHttpURI().getPath()).orElseThrow(() -> Failure.of(
                    TransportError.ROUTE_NOT_FOUND, "no endpoint has this path; the 8.12 endpoints are under "
                            + "/support/{orderId}", null).rejected());
            String method = allowed(route, request.getMethod(), response);
            byte[] body = io.readBody(request);
            return endpoints.answer(new ApiRequest(method, route, request.getHeaders(),
                    request.getHttpURI().getQuery(), body));
        } catch (Failure.Rejected rejected) {
            return Reply.failure(rejected.failure());
        } catch (SupportException refused) {
            return Reply.failure(new Failure(refused.httpStatus(), refused.code().name(), refused.getMessage(),
                    refused.paths()));
        } catch (IOException e) {
            LOG.debug("{} {}: the body could not be read", request.getMethod(), request.getHttpURI().getPath(), e);
            return Reply.failure(Failure.invalid("the body could not be read to its end", "body"));
        } catch (RuntimeException e) {
            return unexpected(request, e);
        }
    }

    /** The method the endpoint runs ({@code GET} for HEAD). */
    private static String allowed(Route route, String method, Response response) {
        List<String> methods = route.endpoint().methods();
        String run = HttpMethod.HEAD.is(method) ? "GET" : method;
        if (!methods.contains(run)) {
            String allow = String.join(", ", methods) + (methods.contains("GET") ? ", HEAD" : "");
            response.getHeaders().put("Allow", allow);
            throw Failure.of(TransportError.METHOD_NOT_ALLOWED, Failure.echo(method) + " is not allowed here; use "
                    + allow, null).rejected();
        }
        return run;
    }

    /** The {@link StoreDamagedException} that caused {@code e}, if one did. */
    private static StoreDamagedException damageIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreDamagedException damage) {
                return damage;
            }
        }
        return null;
    }

    private void authorize(Request request, Response response) {
        if (token != null && !token.accepts(request.getHeaders().get("Authorization"))) {
            response.getHeaders().put("WWW-Authenticate", "Bearer realm=\"supportflow\"");
            throw Failure.of(TransportError.UNAUTHORIZED, "send Authorization: Bearer <token> with the server's token",
                    "Authorization").rejected();
        }
    }

    private static Reply unexpected(Request request, RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        StoreDamagedException damage = damageIn(e);
        if (damage != null) {
            LOG.error("{} {} met damaged stored data (reference {}): {}", request.getMethod(),
                    request.getHttpURI().getPath(), reference, damage.getMessage());
            return Reply.failure(Failure.of(TransportError.STORE_DAMAGED, "the stored data "
                    + damage.orderId().map(order -> "of order " + Failure.echo(order) + " ").orElse("")
                    + "failed its integrity check; the store accepts no changes until it is repaired (reference "
                    + reference + "; the server log names the file and page). Stop the server and run "
                    + "'supportflow.jar check-store --data DIR'.", null));
        }
        if (e instanceof IllegalStateException) {
            LOG.warn("{} {} failed (reference {}): the engine is not available", request.getMethod(),
                    request.getHttpURI().getPath(), reference, e);
            return Reply.failure(Failure.of(TransportError.SERVICE_UNAVAILABLE, "the service is not available "
                    + "(reference " + reference + "). Retry later.", null));
        }
        LOG.error("{} {} failed (reference {})", request.getMethod(), request.getHttpURI().getPath(), reference, e);
        return Reply.failure(Failure.of(TransportError.INTERNAL_ERROR, "an unexpected error occurred (reference "
                + reference + "); the server log has the details", null));
    }
}
