package io.supportflow.spec.rating;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated expression trees, written loosely (random spacing, redundant parentheses, non-canonical numbers), against
 * an independent normaliser, printer and evaluator written here.
 */
class RatingExpressionProperties {

    /** A generated expression; {@code spelling} is how the number is written in the loose text. */
    sealed interface Tree permits Cmp, And, Or {
    }

    record Cmp(String keyword, BigDecimal bound, String spelling) implements Tree {
    }

    record And(List<Tree> operands) implements Tree {
    }

    record Or(List<Tree> operands) implements Tree {
    }

    /** A tree and its loose text. */
    record Written(Tree tree, String text) {
    }

    @Property(tries = 500)
    void theCanonicalFormIsTheFlattenedTreeWithMinimalParentheses(@ForAll("written") Written written) {
        assertThat(RatingExpression.parse(written.text()).canonical()).isEqualTo(expectedCanonical(written.tree()));
    }

    @Property(tries = 500)
    void parsingTheCanonicalFormGivesAnEqualValue(@ForAll("written") Written written) {
        RatingExpression parsed = RatingExpression.parse(written.text());

        RatingExpression reparsed = RatingExpression.parse(parsed.canonical());

        assertThat(reparsed).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        assertThat(reparsed.canonical()).isEqualTo(parsed.canonical());
    }

    @Property(tries = 500)
    void evaluationAgreesWithADirectEvaluationOfTheTree(@ForAll("written") Written written,
                                                        @ForAll("ratings") double rating) {
        assertThat(RatingExpression.parse(written.text()).test(rating)).isEqualTo(evaluate(written.tree(), rating));
    }

    @Property(tries = 300)
    void aBareNumberEqualsAnotherExactlyWhenTheirValuesAreEqual(@ForAll("numbers") Cmp left,
                                                               @ForAll("numbers") Cmp right) {
        RatingExpression first = RatingExpression.parse(left.spelling());
        RatingExpression second = RatingExpression.parse(right.spelling());

        assertThat(first.equals(second)).isEqualTo(left.bound().compareTo(right.bound()) == 0);
        assertThat(first.test(right.bound().doubleValue())).isEqualTo(left.bound().compareTo(right.bound()) == 0);
    }

    @Property(tries = 2000)
    void nearlyValidTextEitherParsesAndRoundTripsOrFailsWithAColumnInside(@ForAll("nearlyValid") String text) {
        checkParsesOrFailsCleanly(text);
    }

    @Property(tries = 1000)
    void arbitraryTextEitherParsesAndRoundTripsOrFailsWithAColumnInside(@ForAll String text) {
        checkParsesOrFailsCleanly(text);
    }

    private static void checkParsesOrFailsCleanly(String text) {
        RatingExpression parsed;
        try {
            parsed = RatingExpression.parse(text);
        } catch (RatingSyntaxException error) {
            assertThat(error.column()).isBetween(0, text.length());
            return;
        }
        assertThat(RatingExpression.parse(parsed.canonical())).isEqualTo(parsed);
    }

    // ---- generators

    @Provide
    Arbitrary<Written> written() {
        return Combinators.combine(trees(), Arbitraries.randoms())
                .as((tree, random) -> new Written(tree, loose(tree, new Spacing(random), true)))
                .filter(written -> significant(written.text()) <= RatingExpression.MAX_SIGNIFICANT);
    }

    private Arbitrary<Tree> trees() {
        return Arbitraries.recursive(this::comparisons, this::compound, 0, 3);
    }

    private Arbitrary<Tree> compound(Arbitrary<Tree> inner) {
        Arbitrary<List<Tree>> operands = inner.list().ofMinSize(2).ofMaxSize(3);
        return Arbitraries.oneOf(inner, operands.map(And::new), operands.map(Or::new));
    }

    private Arbitrary<Tree> comparisons() {
        return Combinators.combine(Arbitraries.of("gt", "gte", "lt", "lte", "eq"), numbers())
                .as((keyword, number) -> new Cmp(keyword, number.bound(), number.spelling()));
    }

    /** Decimals from -10 to 10 with at most two places, spelt with an optional + and extra zeros. */
    @Provide
    Arbitrary<Cmp> numbers() {
        Arbitrary<BigDecimal> values = Arbitraries.integers().between(-1000, 1000)
                .map(hundredths -> BigDecimal.valueOf(hundredths, 2));
        return Combinators.combine(values, Arbitraries.of("", "+"), Arbitraries.of("", "0", "00"),
                        Arbitraries.integers().between(0, 2))
                .as((value, plus, zeros, leading) -> new Cmp("eq", value,
                        spell(value, value.signum() >= 0 ? plus : "", zeros, leading)));
    }

    private static String spell(BigDecimal value, String plus, String zeros, int leadingZeros) {
        String digits = value.abs().toPlainString() + zeros;
        return plus + (value.signum() < 0 ? "-" : "") + "0".repeat(leadingZeros) + digits;
    }

    /** Hundredths from -11 to 11: every bound the trees use, the points beside it, and beyond. */
    @Provide
    Arbitrary<Double> ratings() {
        return Arbitraries.integers().between(-1100, 1100).map(hundredths -> hundredths / 100.0);
    }

    @Provide
    Arbitrary<String> nearlyValid() {
        Arbitrary<String> pieces = Arbitraries.of("gt", "gte", "lt", "lte", "eq", "&&", "||", "&", "|", "(", ")",
                "1", "4.5", "-2", "+0.0", ".", "e5", " ", "  ", "x", "NaN");
        return pieces.list().ofMaxSize(20).map(list -> String.join("", list));
    }

    // ---- the independent printer, normaliser and evaluator

    /** Random whitespace between tokens: none, one space, or a mix of blanks. */
    private record Spacing(java.util.Random random) {
        String next() {
            return List.of("", " ", "  ", "\t", " \n ").get(random.nextInt(5));
        }
    }

    /** Every compound operand parenthesised (redundantly where precedence would not need it). */
    private static String loose(Tree tree, Spacing spacing, boolean top) {
        if (tree instanceof Cmp cmp) {
            return cmp.keyword() + spacing.next() + cmp.spelling();
        }
        String symbol = tree instanceof And ? "&&" : "||";
        String text = join(operands(tree), symbol, spacing);
        return top ? text : "(" + spacing.next() + text + spacing.next() + ")";
    }

    private static String join(List<Tree> operands, String symbol, Spacing spacing) {
        return operands.stream().map(operand -> loose(operand, spacing, false))
                .collect(Collectors.joining(spacing.next() + symbol + spacing.next()));
    }

    private static String expectedCanonical(Tree tree) {
        if (tree instanceof Cmp cmp) {
            return cmp.keyword() + " " + plain(cmp.bound());
        }
        if (tree instanceof And) {
            return flatten(tree).stream()
                    .map(operand -> operand instanceof Or ? "(" + expectedCanonical(operand) + ")"
                            : expectedCanonical(operand))
                    .collect(Collectors.joining(" && "));
        }
        return flatten(tree).stream().map(RatingExpressionProperties::expectedCanonical)
                .collect(Collectors.joining(" || "));
    }

    /** The operands of a chain of one connective, nested chains of the same connective opened up. */
    private static List<Tree> flatten(Tree tree) {
        return operands(tree).stream()
                .flatMap(operand -> operand.getClass() == tree.getClass()
                        ? flatten(operand).stream() : Stream.of(operand))
                .toList();
    }

    private static List<Tree> operands(Tree tree) {
        if (tree instanceof And and) {
            return and.operands();
        }
        return ((Or) tree).operands();
    }

    /** The number without redundant zeros: digits of an integer, otherwise trimmed fraction; never "-0". */
    private static String plain(BigDecimal value) {
        String text = value.setScale(2).toPlainString();
        String trimmed = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return trimmed.equals("-0") ? "0" : trimmed;
    }

    private static boolean evaluate(Tree tree, double rating) {
        if (tree instanceof Cmp cmp) {
            return compare(cmp.keyword(), rating, cmp.bound().doubleValue());
        }
        Stream<Tree> operands = operands(tree).stream();
        return tree instanceof And ? operands.allMatch(operand -> evaluate(operand, rating))
                : operands.anyMatch(operand -> evaluate(operand, rating));
    }

    private static boolean compare(String keyword, double rating, double bound) {
        return switch (keyword) {
            case "gt" -> rating > bound;
            case "gte" -> rating >= bound;
            case "lt" -> rating < bound;
            case "lte" -> rating <= bound;
            case "eq" -> rating == bound;
            default -> throw new IllegalArgumentException(keyword);
        };
    }

    private static long significant(String text) {
        return text.chars().filter(c -> !Character.isWhitespace(c)).count();
    }
}
