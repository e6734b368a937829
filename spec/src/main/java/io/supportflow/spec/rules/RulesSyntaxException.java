package io.supportflow.spec.rules;

/**
 * A rules file that does not parse or does not describe a well-formed lifecycle. The message reads
 * {@code line L, column C: what was expected}; {@link #line()} and {@link #column()} are 1-based and point at the
 * offending token, or at the first token of the offending declaration for table-level problems.
 */
public final class RulesSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    RulesSyntaxException(int line, int column, String reason) {
        super("line " + line + ", column " + column + ": " + reason);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
