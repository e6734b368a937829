package io.supportflow.persistence;

/**
 * A store could not complete a call for a reason outside the stored data: for a database store, a lost connection
 * or a database error. Reads and refused writes changed nothing. For a write, the outcome is unknown when
 * {@link #outcomeUnknown()} says so (the connection failed while the commit was on its way), and otherwise nothing
 * was written.
 */
public final class StoreAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean outcomeUnknown;

    public StoreAccessException(String message, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Whether a write may or may not have been stored. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
