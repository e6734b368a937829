package io.supportflow.spec.rating;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code operator bound}, e.g. {@code gte 4}; the bound is kept without trailing zeros so equality is by value. */
record Comparison(Operator operator, BigDecimal bound) implements RatingExpression {

    Comparison {
        Objects.requireNonNull(operator, "operator");
        bound = bound.stripTrailingZeros();
    }

    @Override
    public String canonical() {
        return operator.keyword() + " " + bound.toPlainString();
    }

    @Override
    public boolean test(double rating) {
        return !Double.isNaN(rating) && operator.holds(signOf(rating));
    }

    private int signOf(double rating) {
        if (Double.isInfinite(rating)) {
            return rating > 0 ? 1 : -1;
        }
        return Integer.signum(BigDecimal.valueOf(rating).compareTo(bound));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
