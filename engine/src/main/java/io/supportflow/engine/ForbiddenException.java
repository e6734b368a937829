package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;

/** The actor may not fire this event under the lifecycle's permission policy (HTTP 403). */
public final class ForbiddenException extends SupportException {
    private static final long serialVersionUID = 1L;

    ForbiddenException(ErrorCode code, String message, String paths) {
        super(code, message, paths);
    }
}
