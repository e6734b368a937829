package io.supportflow.spec.rules;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the tokens of one line left to right; every failed expectation names what was expected. */
final class Cursor {
    private final List<Token> tokens;
    private final int line;
    private final int endColumn;
    private int next;

    Cursor(String text, int line) {
        this.tokens = Tokenizer.tokens(text, line);
        this.line = line;
        this.endColumn = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).end();
    }

    boolean atEnd() {
        return next == tokens.size();
    }

    /** Consumes the next token if it is {@code word}. */
    boolean accept(String word) {
        if (!atEnd() && tokens.get(next).is(word)) {
            next++;
            return true;
        }
        return false;
    }

    /** Consumes the next token if it is of this kind. */
    boolean accept(Token.Kind kind) {
        if (!atEnd() && tokens.get(next).kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    /** The next token, which must be a word; {@code expected} describes it for the error. */
    Token word(String expected) {
        return take(Token.Kind.WORD, expected);
    }

    /** The next token, which must be a word matching {@code pattern}. */
    Token word(Pattern pattern, String expected) {
        Token t = word(expected);
        if (!pattern.matcher(t.text()).matches()) {
            throw t.error("expected " + expected + ", found " + t.shown());
        }
        return t;
    }

    /** The next token, which must be one of these words. */
    Token choice(String... words) {
        String expected = "one of " + String.join(", ", words);
        Token t = word(expected);
        if (Arrays.stream(words).noneMatch(t::is)) {
            throw t.error("expected " + expected + ", found " + t.shown());
        }
        return t;
    }

    /** The next token, which must be a quoted string. */
    Token string(String expected) {
        return take(Token.Kind.STRING, expected);
    }

    /** Whether the next token is a quoted string. */
    boolean atString() {
        return !atEnd() && tokens.get(next).kind() == Token.Kind.STRING;
    }

    /** Fails unless the line has no more tokens. */
    void end() {
        if (!atEnd()) {
            Token t = tokens.get(next);
            throw t.error("expected the end of the line, found " + t.shown());
        }
    }

    private Token take(Token.Kind kind, String expected) {
        if (atEnd()) {
            throw new RulesSyntaxException(line, endColumn, "expected " + expected + ", found the end of the line");
        }
        Token t = tokens.get(next);
        if (t.kind() != kind) {
            throw t.error("expected " + expected + ", found " + t.shown());
        }
        next++;
        return t;
    }
}
