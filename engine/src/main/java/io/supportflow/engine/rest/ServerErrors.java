package io.supportflow.engine.rest;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The answers the server gives on its own, outside the endpoints: a request it cannot parse (request line, header
 * syntax, framing, {@code Content-Length}), headers over the limit (431), an {@code Expect} it does not meet
 * (417), a full queue (503). Each is a GovStack {@code Error} with a fixed message per status: no exception
 * names, no library wording, nothing of the request echoed.
 *
 * <p>Each of these answers closes the connection and says so ({@code Connection: close}): after a request it could
 * not parse Jetty closes the connection anyway, and a client that was not told would send its next request down it
 * and lose that request (the JDK's {@code HttpClient} does not resend a PUT or POST).
 */
final class ServerErrors implements Request.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final HttpIo io;

    ServerErrors(HttpIo io) {
        this.io = io;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Throwable cause = (Throwable) request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
        int status = cause instanceof HttpException http ? http.getCode() : response.getStatus();
        TransportError error = TransportError.ofStatus(status);
        String message = message(error);
        if (error == TransportError.INTERNAL_ERROR) {
            String reference = UUID.randomUUID().toString();
            LOG.error("{} failed (reference {})", request.getMethod(), reference, cause);
            message = "an unexpected error occurred (reference " + reference + "); the server log has the details";
        } else {
            LOG.debug("answered {} on its own: {}", status, cause == null ? "" : cause.toString());
        }
        response.getHeaders().put("Connection", "close");
        io.send(request, response, Reply.failure(new Failure(status, error.name(), message, null)), callback);
        return true;
    }

    private static String message(TransportError error) {
        return switch (error) {
            case REQUEST_TIMEOUT -> "the request did not arrive in time. Send it again without pauses.";
            case URI_TOO_LONG -> "the request target is too long. Send a shorter one.";
            case HEADERS_TOO_LARGE -> "the request line and headers are too large. Send fewer or shorter headers.";
            case EXPECTATION_FAILED -> "the only expectation met is Expect: 100-continue. Send the request without "
                    + "another Expect header.";
            case BODY_TOO_LARGE -> "the body is too large. Send a smaller body.";
            case NOT_IMPLEMENTED -> "the request uses an HTTP feature the server does not implement (only chunked "
                    + "transfer coding is). Send it without.";
            case SERVICE_UNAVAILABLE -> "the server is busy: every handler and queue place is taken. Retry after the "
                    + "time in Retry-After.";
            case HTTP_VERSION_NOT_SUPPORTED -> "the server speaks HTTP/1.1 and HTTP/1.0. Send the request in one of "
                    + "them.";
            case METHOD_NOT_ALLOWED -> "the method is not allowed. Use one the endpoint lists in Allow.";
            default -> "the request is not well-formed HTTP/1.1 (its request line, a header, its framing or the "
                    + "encoding of its target). Send a well-formed request.";
        };
    }
}
