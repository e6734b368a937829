package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.rules.RulesFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rules texts, mostly broken: printed definitions with lines deleted, duplicated, swapped or cut, tokens replaced by
 * words of the format's vocabulary or by junk, line breaks changed; plus lines of vocabulary soup and plain junk.
 */
final class RulesTexts {
    private static final List<String> VOCABULARY = Stream.concat(Stream.of("lifecycle", "extends", "standard",
                    "initial", "state", "agent", "final", "transition", "reopen", "ignore", "policy", "permit", "when",
                    "do", "&", ",", "-->", "--", "--x-->", "#", "\"", "\"gte 4\"", "reopen", "idle-timeout",
                    "capacity", "assignment", "auto-assign", "minimum-rating", "always", "never", "within", "PT1H",
                    "P-1D", "0", "-1", "99999999999999999999", "on", "off", "none", "unlimited", "least-loaded",
                    "customer", "system", "NONE", "OPEN", "ASSIGNED", "CLOSED", "X", "lower", "open", "close",
                    "idleTimeout", "\t", "\u00e9t\u00e9", "\uFEFF"),
            Stream.concat(Arrays.stream(Guard.values()).map(Guard::ruleName),
                    Arrays.stream(Effect.values()).map(Effect::ruleName))).toList();

    private RulesTexts() {
    }

    static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(bases(), mutation().list().ofMinSize(1).ofMaxSize(3))
                        .as(RulesTexts::mutate)),
                Tuple.of(1, Arbitraries.of(VOCABULARY).list().ofMaxSize(12).map(words -> String.join(" ", words))
                        .list().ofMaxSize(8).map(lines -> "lifecycle soup\n" + String.join("\n", lines))),
                Tuple.of(1, BadInputs.texts()));
    }

    private static Arbitrary<String> bases() {
        return Arbitraries.oneOf(
                Arbitraries.of(Lifecycle.standard(), EngineMatchesModelProperties.STANDARD_WITH_POLICIES),
                CustomLifecycles.built()).map(RulesFile::print);
    }

    private enum Kind { DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, REPLACE_TOKEN, INSERT, TRUNCATE, CARRIAGE_RETURNS }

    private record Mutation(Kind kind, int a, int b, String word) {
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Integer> positions = Arbitraries.integers().between(0, 1 << 16);
        Arbitrary<String> words = Arbitraries.oneOf(Arbitraries.of(VOCABULARY), BadInputs.texts());
        return Combinators.combine(Arbitraries.of(Kind.class), positions, positions, words).as(Mutation::new);
    }

    private static String mutate(String text, List<Mutation> mutations) {
        String result = text;
        for (Mutation m : mutations) {
            result = apply(result, m);
        }
        return result;
    }

    private static String apply(String text, Mutation m) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int i = m.a() % lines.size();
        int j = m.b() % lines.size();
        switch (m.kind()) {
            case DELETE_LINE -> lines.remove(i);
            case DUPLICATE_LINE -> lines.add(j, lines.get(i));
            case SWAP_LINES -> {
                String line = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case REPLACE_TOKEN -> lines.set(i, replaceToken(lines.get(i), m.b(), m.word()));
            case INSERT -> {
                int at = m.b() % (text.length() + 1);
                return text.substring(0, at) + m.word() + text.substring(at);
            }
            case TRUNCATE -> {
                return text.substring(0, m.b() % (text.length() + 1));
            }
            case CARRIAGE_RETURNS -> {
                return text.replace("\n", m.b() % 2 == 0 ? "\r\n" : "\r");
            }
        }
        return String.join("\n", lines);
    }

    private static String replaceToken(String line, int index, String word) {
        String[] tokens = line.split(" ", -1);
        tokens[index % tokens.length] = word;
        return String.join(" ", tokens);
    }
}
