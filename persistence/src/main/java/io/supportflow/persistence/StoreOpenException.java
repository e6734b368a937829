package io.supportflow.persistence;

/** A store could not be opened; the message names the file or directory and the reason. */
public final class StoreOpenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreOpenException(String message) {
        super(message);
    }
}
