package io.supportflow.spec.lifecycle;

import java.util.List;

/** A malformed lifecycle table; {@link #problems()} lists every problem found, one sentence each. */
public final class InvalidLifecycleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public InvalidLifecycleException(List<String> problems) {
        super("invalid lifecycle: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
