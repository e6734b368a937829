package io.supportflow.engine.rest;

import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.GovStackError;

/**
 * A request answered with a GovStack {@code Error}: its HTTP status and the error object.
 *
 * @param paths what is at fault: a body field ({@code agent.id}, {@code descriptor.images[0].url}), the body as a
 *              whole ({@code body}), a path or query parameter ({@code orderId}, {@code state}) or a header
 *              ({@code If-Match}); null when nothing in the request is at fault
 */
record Failure(int status, String code, String message, String paths) {

    static Failure of(ErrorCode code, String message, String paths) {
        return new Failure(code.httpStatus(), code.name(), message, paths);
    }

    /** INVALID_INPUT (400) naming {@code paths}, with the error code's next step appended. */
    static Failure invalid(String what, String paths) {
        return of(ErrorCode.INVALID_INPUT, what + ". " + ErrorCode.INVALID_INPUT.nextStep(), paths);
    }

    static Failure of(TransportError error, String message, String paths) {
        return new Failure(error.httpStatus(), error.name(), message, paths);
    }

    /** At most 64 characters of client input for a message (longer input is cut, marked with an ellipsis). */
    static String echo(String input) {
        return input.length() <= 64 ? input : input.substring(0, 64) + "\u2026";
    }

    GovStackError body() {
        return new GovStackError(code, message, paths);
    }

    /** This failure as an exception, to leave request parsing early. */
    Rejected rejected() {
        return new Rejected(this);
    }

    /** Thrown while reading a request that must be answered with {@link #failure()}. */
    static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        Rejected(Failure failure) {
            super(failure.code() + ": " + failure.message(), null, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }
}
