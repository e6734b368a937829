package io.supportflow.persistence;

/** A commit expected a version the store no longer has; the commit wrote nothing. */
public final class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String orderId;
    private final long expected;
    private final long actual;

    public StaleVersionException(String orderId, long expected, long actual) {
        super("order " + orderId + ": expected version " + expected + " but the store has " + actual);
        this.orderId = orderId;
        this.expected = expected;
        this.actual = actual;
    }

    public String orderId() {
        return orderId;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
