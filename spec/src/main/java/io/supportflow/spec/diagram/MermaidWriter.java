package io.supportflow.spec.diagram;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

/**
 * Mermaid {@code stateDiagram-v2}: the initial state is {@code [*]}, final states lead to {@code [*]}. States are
 * drawn under their names but identified as {@code s_NAME}, since Mermaid reads words like {@code STATE} or
 * {@code CLASS} as keywords whatever their case.
 */
final class MermaidWriter {
    private MermaidWriter() {
    }

    static String write(Lifecycle d) {
        StringBuilder out = new StringBuilder()
                .append("---\ntitle: \"").append(d.name()).append("\"\n---\n")
                .append("stateDiagram-v2\n")
                .append("    %% [*] is the initial state ").append(d.initialState()).append('\n');
        for (String state : d.states().subList(1, d.states().size())) {
            out.append("    state \"").append(Labels.stateName(d, state)).append("\" as ").append(Labels.id(state))
                    .append('\n');
        }
        for (Transition row : d.transitions()) {
            out.append("    ").append(node(d, row.source())).append(" --> ").append(Labels.id(row.target()))
                    .append(" : ").append(Labels.of(row)).append('\n');
        }
        d.finalStates().forEach(state -> out.append("    ").append(Labels.id(state)).append(" --> [*]\n"));
        return out.toString();
    }

    private static String node(Lifecycle d, String state) {
        return state.equals(d.initialState()) ? "[*]" : Labels.id(state);
    }
}
