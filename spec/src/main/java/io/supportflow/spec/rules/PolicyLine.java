package io.supportflow.spec.rules;

import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.rating.RatingExpression;
import io.supportflow.spec.rating.RatingSyntaxException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Reads the rest of a {@code policy} line: its name, then its value. */
final class PolicyLine {
    private static final Pattern CAPACITY = Pattern.compile("[1-9][0-9]{0,8}");

    private PolicyLine() {
    }

    static void read(Cursor c, Draft draft) {
        Token key = c.choice("reopen", "idle-timeout", "capacity", "assignment", "auto-assign", "minimum-rating");
        UnaryOperator<Policies> change = switch (key.text()) {
            case "reopen" -> reopen(c);
            case "idle-timeout" -> idleTimeout(c);
            case "capacity" -> capacity(c);
            case "assignment" -> assignment(c);
            case "auto-assign" -> autoAssign(c);
            default -> minimumRating(c);
        };
        draft.policy(key, change);
    }

    private static UnaryOperator<Policies> reopen(Cursor c) {
        Token choice = c.choice("never", "always", "within");
        ReopenPolicy value = switch (choice.text()) {
            case "never" -> ReopenPolicy.never();
            case "always" -> ReopenPolicy.always();
            default -> ReopenPolicy.within(duration(c));
        };
        return p -> p.withReopen(value);
    }

    private static UnaryOperator<Policies> idleTimeout(Cursor c) {
        Duration value = c.accept("off") ? null : duration(c);
        return p -> p.withIdleTimeout(value);
    }

    private static UnaryOperator<Policies> capacity(Cursor c) {
        if (c.accept("unlimited")) {
            return p -> p.withAgentCapacity(null);
        }
        Integer value = Integer.valueOf(c.word(CAPACITY, "a capacity from 1 to 999999999 or unlimited").text());
        return p -> p.withAgentCapacity(value);
    }

    private static UnaryOperator<Policies> assignment(Cursor c) {
        AssignmentStrategy value = strategy(c.choice("explicit", "round-robin", "least-loaded").text());
        return p -> p.withAssignment(value);
    }

    private static UnaryOperator<Policies> autoAssign(Cursor c) {
        boolean value = c.choice("on", "off").is("on");
        return p -> p.withAutoAssignOnOpen(value);
    }

    private static UnaryOperator<Policies> minimumRating(Cursor c) {
        if (!c.atString()) {
            String expected = "a quoted rating expression like \"gte 4\" or none";
            Token none = c.word(expected);
            if (!none.is("none")) {
                throw none.error("expected " + expected + ", found " + none.shown());
            }
            return p -> p.withMinimumRating(null);
        }
        Token text = c.string("a quoted rating expression");
        try {
            RatingExpression value = RatingExpression.parse(text.text());
            return p -> p.withMinimumRating(value);
        } catch (RatingSyntaxException e) {
            String reason = e.getMessage().replaceFirst(" at column \\d+$", "");
            throw new RulesSyntaxException(text.line(), text.column() + 1 + e.column(),
                    "bad minimum rating: " + reason);
        }
    }

    private static Duration duration(Cursor c) {
        Token t = c.word("an ISO-8601 duration like PT30M");
        try {
            Duration d = Duration.parse(t.text());
            if (d.isNegative() || d.isZero()) {
                throw t.error("expected a positive duration, found " + t.shown());
            }
            return d;
        } catch (DateTimeParseException e) {
            throw t.error("expected an ISO-8601 duration like PT30M, found " + t.shown());
        }
    }

    static AssignmentStrategy strategy(String name) {
        return AssignmentStrategy.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static String strategyName(AssignmentStrategy strategy) {
        return strategy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
