package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;

/** The expected version (If-Match) is not the session's current version (HTTP 412). */
public final class VersionMismatchException extends SupportException {
    private static final long serialVersionUID = 1L;

    VersionMismatchException(ErrorCode code, String message, String paths) {
        super(code, message, paths);
    }
}
