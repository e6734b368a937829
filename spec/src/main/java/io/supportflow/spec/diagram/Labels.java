package io.supportflow.spec.diagram;

import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.stream.Collectors;

/** The texts every format shares. */
final class Labels {
    static final String HOLDS_AGENT = "holds one agent";

    private Labels() {
    }

    /** The identifier of a state in Mermaid and PlantUML: never one of their keywords. */
    static String id(String state) {
        return "s_" + state;
    }

    /** The state's name, with {@code (holds one agent)} after a state that holds one. */
    static String stateName(Lifecycle d, String state) {
        return d.holdsAgent(state) ? state + " (" + HOLDS_AGENT + ")" : state;
    }

    /** {@code event [guard & guard] / effect, effect}, with {@code (reopen)} after a reopen row. */
    static String of(Transition row) {
        StringBuilder s = new StringBuilder(row.event());
        if (!row.guards().isEmpty()) {
            s.append(" [").append(row.guards().stream().map(Guard::ruleName).collect(Collectors.joining(" & ")))
                    .append(']');
        }
        if (!row.effects().isEmpty()) {
            s.append(" / ").append(row.effects().stream().map(Effect::ruleName).collect(Collectors.joining(", ")));
        }
        if (row.reopen()) {
            s.append(" (reopen)");
        }
        return s.toString();
    }
}
