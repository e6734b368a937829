package io.supportflow.spec.govstack;

import java.util.Optional;

/** A check of one present (non-null) string field. */
@FunctionalInterface
interface FieldRule {

    /** What is wrong with {@code value}, or empty when it passes. */
    Optional<String> problem(String value);

    /** This rule, then {@code next} when this one passes: at most one problem per field. */
    default FieldRule then(FieldRule next) {
        return value -> problem(value).or(() -> next.problem(value));
    }
}
