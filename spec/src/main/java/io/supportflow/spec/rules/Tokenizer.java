package io.supportflow.spec.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into tokens: words (runs of anything but blanks, {@code # , & "}), double-quoted strings,
 * {@code ,} and {@code &}. A {@code #} outside a string starts a comment that runs to the end of the line.
 */
final class Tokenizer {
    private final String text;
    private final int line;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private Tokenizer(String text, int line) {
        this.text = text;
        this.line = line;
    }

    static List<Token> tokens(String text, int line) {
        Tokenizer t = new Tokenizer(text, line);
        t.run();
        return List.copyOf(t.tokens);
    }

    private void run() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t') {
                at++;
            } else if (c == '#') {
                return;
            } else if (c == ',') {
                single(Token.Kind.COMMA);
            } else if (c == '&') {
                single(Token.Kind.AMPERSAND);
            } else if (c == '"') {
                string();
            } else {
                word();
            }
        }
    }

    private void single(Token.Kind kind) {
        tokens.add(new Token(kind, String.valueOf(text.charAt(at)), line, at + 1));
        at++;
    }

    private void string() {
        int close = text.indexOf('"', at + 1);
        if (close < 0) {
            throw new RulesSyntaxException(line, at + 1, "expected a closing '\"' before the end of the line");
        }
        tokens.add(new Token(Token.Kind.STRING, text.substring(at + 1, close), line, at + 1));
        at = close + 1;
    }

    private void word() {
        int start = at;
        while (at < text.length() && " \t#,&\"".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        tokens.add(new Token(Token.Kind.WORD, text.substring(start, at), line, start + 1));
    }
}
