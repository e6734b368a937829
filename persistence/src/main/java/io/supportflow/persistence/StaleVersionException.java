package io.supportflow.persistence;

/**
 * A commit was decided on data the store no longer has: the session's version moved on, or (see
 * {@link Commit#capacities()}) other writers' commits took an agent to its capacity. The commit wrote nothing;
 * deciding the command again on the stored data gives its answer.
 */
public final class StaleVersionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String orderId;
    private final long expected;
    private final long actual;

    public StaleVersionException(String orderId, long expected, long actual) {
        this(orderId, expected, actual, "order " + orderId + ": expected version " + expected + " but the store has "
                + actual);
    }

    private StaleVersionException(String orderId, long expected, long actual, String message) {
        super(message);
        this.orderId = orderId;
        this.expected = expected;
        this.actual = actual;
    }

    /** The refusal of a commit of {@code orderId} at {@code version} that would take {@code agentId} above capacity. */
    public static StaleVersionException atCapacity(String orderId, long version, String agentId, int capacity) {
        return new StaleVersionException(orderId, version, version, "order " + orderId + ": agent " + agentId
                + " would hold more than its capacity of " + capacity + " ACTIVE assignments after other writers' "
                + "commits");
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
