package io.supportflow.spec.rules;

/** One token of a rules line; {@code text} of a string token excludes its quotes. Positions are 1-based. */
record Token(Kind kind, String text, int line, int column) {
    static final int SHOWN = 64;

    enum Kind { WORD, STRING, COMMA, AMPERSAND }

    boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** The column just after the token. */
    int end() {
        return column + text.length() + (kind == Kind.STRING ? 2 : 0);
    }

    /** The token as written, for messages; long texts are cut to {@value #SHOWN} characters. */
    String shown() {
        String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
        return switch (kind) {
            case WORD -> "'" + cut + "'";
            case STRING -> "\"" + cut + "\"";
            case COMMA -> "','";
            case AMPERSAND -> "'&'";
        };
    }

    RulesSyntaxException error(String reason) {
        return new RulesSyntaxException(line, column, reason);
    }
}
