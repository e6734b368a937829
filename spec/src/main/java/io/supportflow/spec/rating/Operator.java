package io.supportflow.spec.rating;

import java.util.Arrays;
import java.util.Optional;

/** The comparison keywords of a rating value. */
enum Operator {
    GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), EQ("eq");

    private final String keyword;

    Operator(String keyword) {
        this.keyword = keyword;
    }

    String keyword() {
        return keyword;
    }

    static Optional<Operator> byKeyword(String word) {
        return Arrays.stream(values()).filter(operator -> operator.keyword.equals(word)).findFirst();
    }

    /** Whether a rating that compares to the bound as {@code sign} (negative, zero, positive) satisfies this. */
    boolean holds(int sign) {
        return switch (this) {
            case GT -> sign > 0;
            case GTE -> sign >= 0;
            case LT -> sign < 0;
            case LTE -> sign <= 0;
            case EQ -> sign == 0;
        };
    }
}
