package io.supportflow.spec.rating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RatingExpressionTest {

    @Test
    void aBareNumberIsSatisfiedByThatNumberOnly() {
        RatingExpression rating = RatingExpression.parse("4.5");

        assertThat(rating.canonical()).isEqualTo("4.5");
        assertThat(rating.test(4.5)).isTrue();
        assertThat(rating.test(4.4)).isFalse();
        assertThat(rating.test(4.6)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "+4.50       ; 4.5",
            "100         ; 100",
            "007.0       ; 7",
            "-0.0        ; 0",
            "-3.250      ; -3.25",
            "gte 4.0     ; gte 4",
            "gte4&&lt  5 ; gte 4 && lt 5",
            "gt 3 && lte 5 || eq 1 ; gt 3 && lte 5 || eq 1",
            "((gt 3))    ; gt 3",
            "(gt 3 && lte 5) || eq 1 ; gt 3 && lte 5 || eq 1",
            "gt 3 && (lte 5 && gt 0) ; gt 3 && lte 5 && gt 0",
            "eq 1 || (eq 2 || eq 3)  ; eq 1 || eq 2 || eq 3",
            "(eq 7 || gt 3) && lte 5 ; (eq 7 || gt 3) && lte 5",
            "lt -1 || ((gt 2 || eq 9) && (lt 3 || eq 10)) ; lt -1 || (gt 2 || eq 9) && (lt 3 || eq 10)",
    })
    void printsTheCanonicalFormWithMinimalParenthesesAndCanonicalNumbers(String text, String canonical) {
        assertThat(RatingExpression.parse(text).canonical()).isEqualTo(canonical);
        assertThat(RatingExpression.parse(text)).hasToString(canonical);
    }

    @Test
    void andBindsTighterThanOr() {
        RatingExpression rating = RatingExpression.parse("eq 7 || gt 3 && lte 5");

        assertThat(rating.test(7)).isTrue();
        assertThat(rating.test(4)).isTrue();
        assertThat(rating.test(6)).isFalse();
        assertThat(rating.test(3)).isFalse();
    }

    @Test
    void parenthesesOverridePrecedence() {
        RatingExpression rating = RatingExpression.parse("(eq 7 || gt 3) && lte 5");

        assertThat(rating.test(7)).isFalse();
        assertThat(rating.test(4)).isTrue();
    }

    @Test
    void theGovStackExampleAcceptsTheRangeAndTheSingleValue() {
        RatingExpression rating = RatingExpression.parse("gt 3 && lte 5 || eq 1");

        assertThat(rating.test(1)).isTrue();
        assertThat(rating.test(3.5)).isTrue();
        assertThat(rating.test(5)).isTrue();
        assertThat(rating.test(3)).isFalse();
        assertThat(rating.test(5.01)).isFalse();
        assertThat(rating.test(2)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "gt 4,  4.01, true", "gt 4,  4,    false",
            "gte 4, 4,    true", "gte 4, 3.99, false",
            "lt 4,  3.99, true", "lt 4,  4,    false",
            "lte 4, 4,    true", "lte 4, 4.01, false",
            "eq 4,  4,    true", "eq 4,  4.01, false",
            "eq 0.1, 0.1, true", "gt 0.3, 0.3, false",
    })
    void eachOperatorComparesAsItsNameSays(String text, double rating, boolean expected) {
        assertThat(RatingExpression.parse(text).test(rating)).isEqualTo(expected);
    }

    @Test
    void infinitiesLieBeyondEveryNumberAndNaNSatisfiesNothing() {
        assertThat(RatingExpression.parse("gt 1000000").test(Double.POSITIVE_INFINITY)).isTrue();
        assertThat(RatingExpression.parse("lt -1000000").test(Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(RatingExpression.parse("gt 0 || lte 0").test(Double.NaN)).isFalse();
    }

    @Test
    void valuesWithTheSameCanonicalFormAreEqual() {
        RatingExpression spaced = RatingExpression.parse("gt 3.0 && (lte +5)");
        RatingExpression tight = RatingExpression.parse("gt3&&lte5");

        assertThat(spaced).isEqualTo(tight).hasSameHashCodeAs(tight);
        assertThat(RatingExpression.parse("4.50")).isEqualTo(RatingExpression.parse("4.5"));
    }

    @Test
    void aBareNumberKeepsItsFormAndDiffersFromItsEqComparison() {
        assertThat(RatingExpression.parse("4")).isNotEqualTo(RatingExpression.parse("eq 4"));
        assertThat(RatingExpression.parse("gt 3 && lt 4")).isNotEqualTo(RatingExpression.parse("lt 4 && gt 3"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "''            ; 0  ; expected a number or a comparison",
            "'   '         ; 3  ; expected a number or a comparison",
            "gte x         ; 4  ; expected a number",
            "gte .5        ; 4  ; expected a number",
            "gte -x        ; 5  ; expected a number",
            "gte 4.        ; 6  ; expected a digit",
            "gt NaN        ; 3  ; expected a number",
            "gt Infinity   ; 3  ; expected a number",
            "gtx 4         ; 0  ; expected gt, gte, lt, lte, eq or (",
            "GT 4          ; 0  ; expected gt, gte, lt, lte, eq or (",
            "gt 3 && 4     ; 8  ; expected gt, gte, lt, lte, eq or (",
            "gt 3 &&       ; 7  ; expected gt, gte, lt, lte, eq or (",
            "(4.5)         ; 1  ; expected gt, gte, lt, lte, eq or (",
            "gt 3 & lt 4   ; 5  ; expected &&, || or end of input",
            "gt 3 lt 4     ; 5  ; expected &&, || or end of input",
            "gt 1e5        ; 4  ; expected &&, || or end of input",
            "gt 4.5.1      ; 6  ; expected &&, || or end of input",
            "gt 3)         ; 4  ; expected &&, || or end of input",
            "(gt 3         ; 5  ; expected &&, || or )",
            "(gt 3 || (lt 1) ; 15 ; expected &&, || or )",
            "4.5 && gt 3   ; 4  ; expected end of input",
            "1,5           ; 1  ; expected end of input",
    })
    void refusesMalformedValuesAtTheOffendingColumn(String text, int column, String expectation) {
        RatingSyntaxException error = catchThrowableOfType(RatingSyntaxException.class,
                () -> RatingExpression.parse(text));

        assertThat(error).hasMessage(expectation + " at column " + column);
        assertThat(error.column()).isEqualTo(column);
    }

    @Test
    void acceptsParenthesesNestedToTheLimit() {
        int depth = RatingExpression.MAX_DEPTH;
        String text = "(".repeat(depth) + "gt 1" + ")".repeat(depth);

        assertThat(RatingExpression.parse(text).canonical()).isEqualTo("gt 1");
    }

    @Test
    void refusesParenthesesNestedBeyondTheLimitAtTheFirstParenthesisTooMany() {
        int depth = RatingExpression.MAX_DEPTH + 1;
        String text = "(".repeat(depth) + "gt 1" + ")".repeat(depth);

        assertThatThrownBy(() -> RatingExpression.parse(text))
                .isInstanceOfSatisfying(RatingSyntaxException.class,
                        error -> assertThat(error.column()).isEqualTo(RatingExpression.MAX_DEPTH))
                .hasMessage("parentheses nested deeper than 32 at column 32");
    }

    @Test
    void refusesAHugeInputWithoutOverflowingTheStack() {
        String text = "(".repeat(1_000_000);

        assertThatThrownBy(() -> RatingExpression.parse(text))
                .isInstanceOf(RatingSyntaxException.class)
                .hasMessage("longer than 1024 characters at column 1024");
    }

    @Test
    void refusesMoreSignificantCharactersThanTheLimitAtTheFirstOneTooMany() {
        String text = "eq " + "1".repeat(300);

        assertThatThrownBy(() -> RatingExpression.parse(text))
                .isInstanceOfSatisfying(RatingSyntaxException.class,
                        error -> assertThat(error.column()).isEqualTo(3 + 254))
                .hasMessage("more than 256 characters other than whitespace at column 257");
    }

    @Test
    void whitespaceDoesNotCountTowardsTheSignificantLimit() {
        String text = " ".repeat(700) + "eq " + "1".repeat(254);

        assertThat(RatingExpression.parse(text).canonical()).isEqualTo("eq " + "1".repeat(254));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> RatingExpression.parse(null)).isInstanceOf(NullPointerException.class);
    }
}
