package io.supportflow.spec.govstack;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that broke at least one {@link Validation} rule. The message lists every violation as {@code path: rule},
 * separated by {@code "; "}, e.g. {@code support.callback_phone: not a phone number}.
 */
public final class InvalidInputException extends RuntimeException {
    private final List<Violation> violations;

    /** @throws IllegalArgumentException if {@code violations} is empty */
    public InvalidInputException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid input has at least one violation");
        }
        return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }

    /** Every violation, in the order they were found; unmodifiable and never empty. */
    public List<Violation> violations() {
        return violations;
    }
}
