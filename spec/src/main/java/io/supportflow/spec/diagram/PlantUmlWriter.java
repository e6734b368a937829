package io.supportflow.spec.diagram;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

/**
 * PlantUML state diagram: the initial state is {@code [*]}, final states lead to {@code [*]}, reopens are dashed.
 * States are drawn under their names but identified as {@code s_NAME}, since PlantUML reads a line starting with a
 * word like {@code REMOVE} as a command.
 */
final class PlantUmlWriter {
    private PlantUmlWriter() {
    }

    static String write(Lifecycle d) {
        StringBuilder out = new StringBuilder("@startuml\n")
                .append("title ").append(d.name()).append('\n')
                .append("hide empty description\n")
                .append("' [*] is the initial state ").append(d.initialState()).append('\n');
        for (String state : d.states().subList(1, d.states().size())) {
            out.append("state \"").append(state).append("\" as ").append(Labels.id(state));
            if (d.holdsAgent(state)) {
                out.append(" : ").append(Labels.HOLDS_AGENT);
            }
            out.append('\n');
        }
        for (Transition row : d.transitions()) {
            out.append(node(d, row.source())).append(row.reopen() ? " -[dashed]-> " : " --> ")
                    .append(Labels.id(row.target())).append(" : ").append(Labels.of(row)).append('\n');
        }
        d.finalStates().forEach(state -> out.append(Labels.id(state)).append(" --> [*]\n"));
        return out.append("@enduml\n").toString();
    }

    private static String node(Lifecycle d, String state) {
        return state.equals(d.initialState()) ? "[*]" : Labels.id(state);
    }
}
