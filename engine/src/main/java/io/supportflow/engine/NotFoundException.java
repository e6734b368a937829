package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;

/** The order has no support session, or the session has no agent (HTTP 404). */
public final class NotFoundException extends SupportException {
    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorCode code, String message, String paths) {
        super(code, message, paths);
    }
}
