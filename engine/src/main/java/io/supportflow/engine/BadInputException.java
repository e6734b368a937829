package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;

/** The command's input is malformed: correct the named field (HTTP 400). */
public final class BadInputException extends SupportException {
    private static final long serialVersionUID = 1L;

    BadInputException(ErrorCode code, String message, String paths) {
        super(code, message, paths);
    }
}
