package io.supportflow.spec.rules;

import io.supportflow.spec.lifecycle.Lifecycle;

/**
 * The plain-text rules format for custom lifecycles ({@code docs/rules-format.md}): one declaration per line,
 * {@code #} comments. {@code parse(print(d))} equals {@code d} for every definition {@code d}.
 */
public final class RulesFile {
    /** Texts longer than this many characters are refused. */
    public static final int MAX_CHARACTERS = RulesParser.MAX_CHARACTERS;
    /** Texts with more lines than this are refused. */
    public static final int MAX_LINES = RulesParser.MAX_LINES;

    private RulesFile() {
    }

    /**
     * Reads a definition. Line breaks may be {@code \n}, {@code \r\n} or {@code \r}.
     *
     * @throws RulesSyntaxException at the first problem, syntactic or (from the lifecycle builder) structural,
     *                              including texts over {@link #MAX_CHARACTERS} characters or {@link #MAX_LINES}
     *                              lines
     * @throws NullPointerException if {@code text} is null
     */
    public static Lifecycle parse(String text) {
        return RulesParser.parse(text);
    }

    /**
     * Writes {@code definition} as a complete stand-alone file (no {@code extends}), every section in declaration
     * order and every policy spelled out; the same definition always gives the same text, ending with a newline.
     *
     * @throws NullPointerException if {@code definition} is null
     */
    public static String print(Lifecycle definition) {
        return RulesPrinter.print(definition);
    }
}
