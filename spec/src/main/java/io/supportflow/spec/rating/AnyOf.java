package io.supportflow.spec.rating;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code a || b || ...}: at least two alternatives, none itself an {@code AnyOf} (nested ones are flattened). */
record AnyOf(List<RatingExpression> alternatives) implements RatingExpression {

    AnyOf {
        alternatives = alternatives.stream()
                .flatMap(alternative -> alternative instanceof AnyOf any
                        ? any.alternatives().stream() : Stream.of(alternative))
                .toList();
        if (alternatives.size() < 2) {
            throw new IllegalArgumentException("a disjunction needs at least two alternatives");
        }
    }

    /** The disjunction of {@code alternatives}, or the single alternative itself. */
    static RatingExpression of(List<RatingExpression> alternatives) {
        return alternatives.size() == 1 ? alternatives.get(0) : new AnyOf(alternatives);
    }

    @Override
    public String canonical() {
        return alternatives.stream().map(RatingExpression::canonical).collect(Collectors.joining(" || "));
    }

    @Override
    public boolean test(double rating) {
        return alternatives.stream().anyMatch(alternative -> alternative.test(rating));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
