package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;

/** The command does not apply in the session's current state (HTTP 409). */
public final class ConflictException extends SupportException {
    private static final long serialVersionUID = 1L;

    ConflictException(ErrorCode code, String message, String paths) {
        super(code, message, paths);
    }
}
