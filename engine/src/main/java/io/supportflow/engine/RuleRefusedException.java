package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;

/** A rule of the lifecycle refused the command: capacity, availability, rating, reopen, agent (HTTP 422). */
public final class RuleRefusedException extends SupportException {
    private static final long serialVersionUID = 1L;

    RuleRefusedException(ErrorCode code, String message, String paths) {
        super(code, message, paths);
    }
}
