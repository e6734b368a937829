package io.supportflow.spec.rating;

import java.math.BigDecimal;

/** A rating value that is a single number; it is satisfied by that number only. */
record BareNumber(BigDecimal value) implements RatingExpression {

    BareNumber {
        value = value.stripTrailingZeros();
    }

    @Override
    public String canonical() {
        return value.toPlainString();
    }

    @Override
    public boolean test(double rating) {
        return new Comparison(Operator.EQ, value).test(rating);
    }

    @Override
    public String toString() {
        return canonical();
    }
}
