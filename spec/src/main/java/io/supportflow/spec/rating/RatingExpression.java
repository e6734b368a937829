package io.supportflow.spec.rating;

/**
 * A GovStack {@code Rating.value}: a single number ({@code "4.5"}) or comparisons with {@code gt gte lt lte eq}
 * joined by {@code &&} and {@code ||} ({@code &&} binds tighter; parentheses allowed), for example
 * {@code "gt 3 && lte 5 || eq 1"}.
 *
 * <p>Syntax: numbers are finite decimals (optional sign, digits, optional fraction: {@code -1}, {@code +4.50});
 * exponents, {@code NaN} and {@code Infinity} are refused. Keywords are lower case. Whitespace between tokens is
 * optional and free. A bare number must be the whole value; inside a combination write {@code eq n}.
 *
 * <p>Bounds, so that no input makes parsing or the value unbounded: at most {@value #MAX_LENGTH} characters in
 * all, at most {@value #MAX_SIGNIFICANT} of them other than whitespace, and parentheses nested at most
 * {@value #MAX_DEPTH} deep. The canonical form of an accepted value is always accepted again.
 *
 * <p>Values are immutable and thread-safe; two values are {@code equal} exactly when their canonical forms are equal,
 * and {@code toString()} is the canonical form.
 */
public sealed interface RatingExpression permits BareNumber, Comparison, AllOf, AnyOf {

    /** Most characters a rating value may have, whitespace included. */
    int MAX_LENGTH = 1024;
    /** Most characters other than whitespace a rating value may have. */
    int MAX_SIGNIFICANT = 256;
    /** Deepest nesting of parentheses. */
    int MAX_DEPTH = 32;

    /**
     * Parses a rating value.
     *
     * @throws RatingSyntaxException with the zero-based column of the first offending character
     * @throws NullPointerException if {@code text} is null
     */
    static RatingExpression parse(String text) {
        return new RatingParser(text).parseWhole();
    }

    /**
     * The canonical text: numbers without redundant zeros or sign ({@code BigDecimal.stripTrailingZeros()
     * .toPlainString()}), single spaces around {@code &&}, {@code ||} and after a keyword, parentheses only where
     * precedence needs them. Parsing it gives an equal expression.
     */
    String canonical();

    /**
     * Whether {@code rating} satisfies this expression; a bare number {@code n} means {@code eq n}. The rating is
     * compared as the decimal {@link java.math.BigDecimal#valueOf(double)} gives; an infinite rating lies beyond every
     * number, and {@code NaN} satisfies no comparison.
     */
    boolean test(double rating);
}
