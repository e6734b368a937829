package io.supportflow.engine.cli;

/** A command could not do its work (unreadable file, store in use, address taken): message and exit code 1. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
        super(message, null, false, false);
    }
}
