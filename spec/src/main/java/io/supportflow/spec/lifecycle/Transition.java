package io.supportflow.spec.lifecycle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One row of a lifecycle table: in {@code source}, {@code event} moves the session to {@code target} when every
 * guard holds, applying the effects in order. A {@code reopen} row is the only kind allowed to leave a final state.
 * Immutable; lists are unmodifiable and never null.
 */
public record Transition(String source, String event, String target, List<Guard> guards, List<Effect> effects,
                         boolean reopen) {

    public Transition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(target, "target");
        guards = List.copyOf(guards);
        effects = List.copyOf(effects);
    }

    /** An unguarded row without effects. */
    public static Transition of(String source, String event, String target) {
        return new Transition(source, event, target, List.of(), List.of(), false);
    }

    /** This row requiring these guards (replacing any it had). */
    public Transition when(Guard... required) {
        return new Transition(source, event, target, Arrays.asList(required), effects, reopen);
    }

    /** This row applying these effects in order (replacing any it had). */
    public Transition does(Effect... applied) {
        return new Transition(source, event, target, guards, Arrays.asList(applied), reopen);
    }

    /** This row marked as the declared reopen out of a final state. */
    public Transition asReopen() {
        return new Transition(source, event, target, guards, effects, true);
    }

    /** {@code SOURCE --event--> TARGET}, the row's identity for messages and coverage reports. */
    public String label() {
        StringBuilder s = new StringBuilder(source).append(" --").append(event).append("--> ").append(target);
        if (!guards.isEmpty()) {
            s.append(" when ");
            for (int i = 0; i < guards.size(); i++) {
                s.append(i == 0 ? "" : " & ").append(guards.get(i).ruleName());
            }
        }
        return s.toString();
    }
}
