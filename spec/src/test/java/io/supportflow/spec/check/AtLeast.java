package io.supportflow.spec.check;

import io.supportflow.spec.rating.RatingExpression;

/** A minimum-rating expression {@code gte min}, independent of the rating parser. */
record AtLeast(double min) implements RatingExpression {
    @Override
    public String canonical() {
        return "gte " + min;
    }

    @Override
    public boolean test(double rating) {
        return rating >= min;
    }
}
