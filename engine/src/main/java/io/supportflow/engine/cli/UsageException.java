package io.supportflow.engine.cli;

/** The command line is wrong: answered with a one-line message, the usage, and exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
