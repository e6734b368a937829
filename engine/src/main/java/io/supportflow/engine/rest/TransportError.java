package io.supportflow.engine.rest;

/**
 * Error codes of the HTTP binding itself, beside the engine's {@link io.supportflow.spec.govstack.ErrorCode}s.
 * Each answers with a GovStack {@code Error} whose {@code code} is the constant's name.
 */
enum TransportError {
    /** The request is not well-formed HTTP/1.1 (request line, header syntax, framing, encoding of the target). */
    MALFORMED_REQUEST(400),
    /** Missing or wrong {@code Authorization: Bearer} token when the server was started with a token. */
    UNAUTHORIZED(401),
    /** No endpoint has this path. */
    ROUTE_NOT_FOUND(404),
    /** The path exists but not with this method; {@code Allow} lists the methods that do. */
    METHOD_NOT_ALLOWED(405),
    /** The request head did not arrive in time. */
    REQUEST_TIMEOUT(408),
    /** The body is larger than the limit (64 KiB by default). */
    BODY_TOO_LARGE(413),
    /** The request target is longer than the header limit allows. */
    URI_TOO_LONG(414),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** An {@code Expect} header other than {@code 100-continue}. */
    EXPECTATION_FAILED(417),
    /** The request line and headers are larger than the limit (8 KiB by default). */
    HEADERS_TOO_LARGE(431),
    /** An unexpected failure; the server log has the details, the response never does. */
    INTERNAL_ERROR(500),
    /** A transfer coding or feature the server does not implement. */
    NOT_IMPLEMENTED(501),
    /** The server is shutting down, busy (every handler and queue place taken) or the store is unavailable. */
    SERVICE_UNAVAILABLE(503),
    /**
     * Stored data failed its integrity check; the store refuses every change until it is repaired (no
     * {@code Retry-After}: retrying does not help). The server log names the file, page and order.
     */
    STORE_DAMAGED(503),
    /** Not HTTP/1.0 or HTTP/1.1. */
    HTTP_VERSION_NOT_SUPPORTED(505);

    private final int httpStatus;

    TransportError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** The error for a status the server itself answered with; MALFORMED_REQUEST for any other 4xx. */
    static TransportError ofStatus(int status) {
        for (TransportError error : values()) {
            if (error.httpStatus == status) {
                return error;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
