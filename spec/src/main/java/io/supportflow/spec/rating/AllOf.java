package io.supportflow.spec.rating;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code a && b && ...}: at least two conditions, none of them itself an {@code AllOf} (nested ones are flattened). */
record AllOf(List<RatingExpression> conditions) implements RatingExpression {

    AllOf {
        conditions = conditions.stream()
                .flatMap(condition -> condition instanceof AllOf all ? all.conditions().stream() : Stream.of(condition))
                .toList();
        if (conditions.size() < 2) {
            throw new IllegalArgumentException("a conjunction needs at least two conditions");
        }
    }

    /** The conjunction of {@code conditions}, or the single condition itself. */
    static RatingExpression of(List<RatingExpression> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new AllOf(conditions);
    }

    @Override
    public String canonical() {
        return conditions.stream().map(AllOf::operand).collect(Collectors.joining(" && "));
    }

    private static String operand(RatingExpression condition) {
        return condition instanceof AnyOf ? "(" + condition.canonical() + ")" : condition.canonical();
    }

    @Override
    public boolean test(double rating) {
        return conditions.stream().allMatch(condition -> condition.test(rating));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
