package io.supportflow.spec.govstack;

import java.util.Objects;

/**
 * One field that broke one rule.
 *
 * @param path the field as a JSON path of the contract's snake_case names with array indices, e.g.
 *             {@code support.agent.person.languages[2].code}; never null
 * @param rule what is wrong, in words, e.g. {@code not a phone number}; never null
 */
public record Violation(String path, String rule) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
    }

    /** {@code path: rule}. */
    @Override
    public String toString() {
        return path + ": " + rule;
    }
}
