package io.supportflow.engine.rest;

/**
 * Error codes of the HTTP binding itself, beside the engine's {@link io.supportflow.spec.govstack.ErrorCode}s.
 * Each answers with a GovStack {@code Error} whose {@code code} is the constant's name.
 */
enum TransportError {
    /** Missing or wrong {@code Authorization: Bearer} token when the server was started with a token. */
    UNAUTHORIZED(401),
    /** No endpoint has this path. */
    ROUTE_NOT_FOUND(404),
    /** The path exists but not with this method; {@code Allow} lists the methods that do. */
    METHOD_NOT_ALLOWED(405),
    /** The body is larger than the limit (64 KiB). */
    BODY_TOO_LARGE(413),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** An unexpected failure; the server log has the details, the response never does. */
    INTERNAL_ERROR(500),
    /** The server is shutting down or the store is unavailable. */
    SERVICE_UNAVAILABLE(503);

    private final int httpStatus;

    TransportError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    int httpStatus() {
        return httpStatus;
    }
}
