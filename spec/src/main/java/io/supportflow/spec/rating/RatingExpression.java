package io.supportflow.spec.rating;

/**
 * A GovStack {@code Rating.value}: a single number ({@code "4.5"}) or comparisons with {@code gt gte lt lte eq}
 * joined by {@code &&} and {@code ||} ({@code &&} binds tighter; parentheses allowed).
 *
 * <p>Values are immutable and compare equal when their canonical forms are equal.
 */
public interface RatingExpression {

    /**
     * Parses a rating value.
     *
     * @throws RatingSyntaxException with the zero-based column of the first offending character
     * @throws NullPointerException if {@code text} is null
     */
    static RatingExpression parse(String text) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The canonical text: parsing it gives an equal expression. */
    String canonical();

    /** Whether {@code rating} satisfies this expression; a bare number {@code n} means {@code eq n}. */
    boolean test(double rating);
}
