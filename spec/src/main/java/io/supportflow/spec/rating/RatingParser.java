package io.supportflow.spec.rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recursive descent over the text itself (no token list), so every error names the column where the expectation
 * failed. One instance parses one text and is then discarded.
 */
final class RatingParser {
    private final String text;
    private int position;
    private int depth;

    RatingParser(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    RatingExpression parseWhole() {
        checkBounds();
        skipSpace();
        if (atEnd()) {
            throw error("expected a number or a comparison");
        }
        RatingExpression result = startsNumber() ? new BareNumber(number()) : disjunction();
        skipSpace();
        if (!atEnd()) {
            throw error(result instanceof BareNumber ? "expected end of input" : "expected &&, || or end of input");
        }
        return result;
    }

    private void checkBounds() {
        if (text.length() > RatingExpression.MAX_LENGTH) {
            throw errorAt(RatingExpression.MAX_LENGTH, "longer than " + RatingExpression.MAX_LENGTH + " characters");
        }
        int significant = 0;
        for (int column = 0; column < text.length(); column++) {
            if (!isSpace(text.charAt(column)) && ++significant > RatingExpression.MAX_SIGNIFICANT) {
                throw errorAt(column,
                        "more than " + RatingExpression.MAX_SIGNIFICANT + " characters other than whitespace");
            }
        }
    }

    private RatingExpression disjunction() {
        List<RatingExpression> alternatives = new ArrayList<>(List.of(conjunction()));
        while (accept("||")) {
            alternatives.add(conjunction());
        }
        return AnyOf.of(alternatives);
    }

    private RatingExpression conjunction() {
        List<RatingExpression> conditions = new ArrayList<>(List.of(operand()));
        while (accept("&&")) {
            conditions.add(operand());
        }
        return AllOf.of(conditions);
    }

    private RatingExpression operand() {
        return accept("(") ? parenthesised() : comparison();
    }

    private RatingExpression parenthesised() {
        if (++depth > RatingExpression.MAX_DEPTH) {
            throw errorAt(position - 1, "parentheses nested deeper than " + RatingExpression.MAX_DEPTH);
        }
        RatingExpression inner = disjunction();
        if (!accept(")")) {
            throw error("expected &&, || or )");
        }
        depth--;
        return inner;
    }

    private Comparison comparison() {
        skipSpace();
        int start = position;
        while (!atEnd() && isAsciiLetter(text.charAt(position))) {
            position++;
        }
        Operator operator = Operator.byKeyword(text.substring(start, position))
                .orElseThrow(() -> errorAt(start, "expected gt, gte, lt, lte, eq or ("));
        skipSpace();
        return new Comparison(operator, number());
    }

    private BigDecimal number() {
        int start = position;
        if (!atEnd() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
            position++;
        }
        digits("expected a number");
        if (!atEnd() && text.charAt(position) == '.') {
            position++;
            digits("expected a digit");
        }
        return new BigDecimal(text.substring(start, position));
    }

    private void digits(String expectation) {
        if (atEnd() || !isDigit(text.charAt(position))) {
            throw error(expectation);
        }
        while (!atEnd() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private boolean accept(String symbol) {
        skipSpace();
        if (text.startsWith(symbol, position)) {
            position += symbol.length();
            return true;
        }
        return false;
    }

    private boolean startsNumber() {
        char first = text.charAt(position);
        return isDigit(first) || first == '+' || first == '-';
    }

    private void skipSpace() {
        while (!atEnd() && isSpace(text.charAt(position))) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private RatingSyntaxException error(String message) {
        return errorAt(position, message);
    }

    private static RatingSyntaxException errorAt(int column, String message) {
        return new RatingSyntaxException(message, column);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
