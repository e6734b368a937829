package io.supportflow.engine;

import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.govstack.GovStackError;

import java.util.Objects;

/**
 * A refused command or an unanswerable query. When it is thrown nothing has changed (P4). It carries the GovStack
 * error: a {@link #code() code} from the documented table, a message saying what was wrong and what to do next, and
 * the JSON paths at fault (may be null). The subclass follows the HTTP status of the code.
 */
public abstract sealed class SupportException extends RuntimeException
        permits BadInputException, ForbiddenException, NotFoundException, ConflictException,
        VersionMismatchException, RuleRefusedException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final String paths;

    SupportException(ErrorCode code, String message, String paths) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.paths = paths;
    }

    /** The exception of {@code code}'s HTTP status. */
    static SupportException of(ErrorCode code, String message, String paths) {
        return switch (code.httpStatus()) {
            case 400 -> new BadInputException(code, message, paths);
            case 403 -> new ForbiddenException(code, message, paths);
            case 404 -> new NotFoundException(code, message, paths);
            case 409 -> new ConflictException(code, message, paths);
            case 412 -> new VersionMismatchException(code, message, paths);
            case 422 -> new RuleRefusedException(code, message, paths);
            default -> throw new IllegalArgumentException("no exception for HTTP status " + code.httpStatus());
        };
    }

    /** {@code what}, followed by the code's next step. */
    static SupportException explain(ErrorCode code, String what, String paths) {
        return of(code, what + ". " + code.nextStep(), paths);
    }

    public ErrorCode code() {
        return code;
    }

    public int httpStatus() {
        return code.httpStatus();
    }

    /** The JSON paths at fault, or null. */
    public String paths() {
        return paths;
    }

    /** The GovStack {@code Error} object for this refusal. */
    public GovStackError error() {
        return new GovStackError(code.name(), getMessage(), paths);
    }
}
