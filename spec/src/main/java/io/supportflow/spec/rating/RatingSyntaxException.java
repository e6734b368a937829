package io.supportflow.spec.rating;

/** A rating value that does not parse; {@link #column()} is the zero-based offset of the offending character. */
public final class RatingSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    public RatingSyntaxException(String message, int column) {
        super(message + " at column " + column);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
