package io.supportflow.spec.rules;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Ignore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads a rules file line by line into a {@link Draft}; the grammar is in {@code docs/rules-format.md}. */
final class RulesParser {
    static final int MAX_CHARACTERS = 1 << 20;
    static final int MAX_LINES = 10_000;
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    static final Pattern STATE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final Pattern EVENT = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    private static final Pattern ARROW = Pattern.compile("--(.*)-->");
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String DECLARATIONS =
            "lifecycle, initial, state, agent state, final state, transition, reopen, ignore, policy or permit";
    private static final String A_GUARD = "a guard (" + names(Guard.values(), Guard::ruleName) + ")";
    private static final String AN_EFFECT = "an effect (" + names(Effect.values(), Effect::ruleName) + ")";
    private static final String AN_ACTOR = "an actor (" + names(Actor.values(), RulesParser::actorName) + ") or none";

    private final Draft draft = new Draft();

    private RulesParser() {
    }

    static Lifecycle parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARACTERS) {
            throw new RulesSyntaxException(1, 1, "the rules text is longer than " + MAX_CHARACTERS + " characters");
        }
        String[] lines = LINE_BREAK.split(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
        if (lines.length > MAX_LINES) {
            throw new RulesSyntaxException(MAX_LINES + 1, 1, "the rules text is longer than " + MAX_LINES + " lines");
        }
        RulesParser parser = new RulesParser();
        for (int i = 0; i < lines.length; i++) {
            parser.declaration(new Cursor(lines[i], i + 1));
        }
        parser.draft.resolve();
        return Assembler.build(parser.draft);
    }

    private void declaration(Cursor c) {
        if (c.atEnd()) {
            return;
        }
        Token keyword = c.word("a declaration");
        if (!draft.hasHeader() && !keyword.is("lifecycle")) {
            throw keyword.error("expected 'lifecycle NAME' as the first declaration, found " + keyword.shown());
        }
        switch (keyword.text()) {
            case "lifecycle" -> header(c, keyword);
            case "initial" -> draft.initial(state(c));
            case "state" -> draft.state(state(c), Draft.StateKind.PLAIN);
            case "agent" -> draft.state(kindOfState(c), Draft.StateKind.AGENT);
            case "final" -> draft.state(kindOfState(c), Draft.StateKind.FINAL);
            case "transition" -> row(c, keyword, false);
            case "reopen" -> row(c, keyword, true);
            case "ignore" -> ignore(c, keyword);
            case "policy" -> PolicyLine.read(c, draft);
            case "permit" -> permit(c);
            default -> throw keyword.error("expected a declaration (" + DECLARATIONS + "), found " + keyword.shown());
        }
        c.end();
    }

    private void header(Cursor c, Token keyword) {
        String name = c.word(NAME, "a lifecycle name matching " + NAME.pattern()).text();
        Lifecycle base = null;
        if (c.accept("extends")) {
            c.choice("standard");
            base = Lifecycle.standard();
        }
        draft.header(keyword, name, base);
    }

    private static Token kindOfState(Cursor c) {
        c.choice("state");
        return state(c);
    }

    private static Token state(Cursor c) {
        return c.word(STATE, "a state name matching " + STATE.pattern());
    }

    private void row(Cursor c, Token keyword, boolean reopen) {
        Token source = state(c);
        Token arrow = c.word("an arrow --event-->");
        Matcher m = ARROW.matcher(arrow.text());
        if (!m.matches()) {
            throw arrow.error("expected an arrow --event-->, found " + arrow.shown());
        }
        if (!EVENT.matcher(m.group(1)).matches()) {
            throw new RulesSyntaxException(arrow.line(), arrow.column() + 2,
                    "expected an event name matching " + EVENT.pattern() + ", found '" + m.group(1) + "'");
        }
        Token target = state(c);
        List<Guard> guards = c.accept("when") ? guards(c) : List.of();
        List<Effect> effects = c.accept("do") ? effects(c) : List.of();
        Transition row = new Transition(source.text(), m.group(1), target.text(), guards, effects, reopen);
        draft.row(row, keyword, source, target);
    }

    private static List<Guard> guards(Cursor c) {
        List<Guard> guards = new ArrayList<>();
        do {
            Token t = c.word(A_GUARD);
            guards.add(Guard.byRuleName(t.text())
                    .orElseThrow(() -> t.error("expected " + A_GUARD + ", found " + t.shown())));
        } while (c.accept(Token.Kind.AMPERSAND));
        return guards;
    }

    private static List<Effect> effects(Cursor c) {
        List<Effect> effects = new ArrayList<>();
        do {
            Token t = c.word(AN_EFFECT);
            effects.add(Effect.byRuleName(t.text())
                    .orElseThrow(() -> t.error("expected " + AN_EFFECT + ", found " + t.shown())));
        } while (c.accept(Token.Kind.COMMA));
        return effects;
    }

    private void ignore(Cursor c, Token keyword) {
        Token state = state(c);
        Token event = event(c);
        draft.ignore(new Ignore(state.text(), event.text()), keyword, state);
    }

    private void permit(Cursor c) {
        Token event = event(c);
        if (c.accept("none")) {
            draft.permit(event, Set.of());
            return;
        }
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        do {
            Token t = c.word(AN_ACTOR);
            actors.add(Arrays.stream(Actor.values()).filter(a -> actorName(a).equals(t.text())).findFirst()
                    .orElseThrow(() -> t.error("expected " + AN_ACTOR + ", found " + t.shown())));
        } while (c.accept(Token.Kind.COMMA));
        draft.permit(event, actors);
    }

    private static Token event(Cursor c) {
        return c.word(EVENT, "an event name matching " + EVENT.pattern());
    }

    static String actorName(Actor actor) {
        return actor.name().toLowerCase(Locale.ROOT);
    }

    private static <T> String names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }
}
