package io.supportflow.spec.diagram;

import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

/**
 * Graphviz {@code digraph}: the initial state is a point, final states have a double border, reopens are dashed.
 * Identifiers are quoted, so state names never clash with DOT keywords.
 */
final class DotWriter {
    private DotWriter() {
    }

    static String write(Lifecycle d) {
        StringBuilder out = new StringBuilder("digraph \"").append(d.name()).append("\" {\n")
                .append("    label=\"").append(d.name()).append("\";\n")
                .append("    labelloc=t;\n")
                .append("    node [shape=box, style=rounded];\n")
                .append("    \"").append(d.initialState()).append("\" [shape=point, width=0.2];\n");
        for (String state : d.states().subList(1, d.states().size())) {
            out.append("    \"").append(state).append('"').append(attributes(d, state)).append(";\n");
        }
        for (Transition row : d.transitions()) {
            out.append("    \"").append(row.source()).append("\" -> \"").append(row.target())
                    .append("\" [label=\"").append(Labels.of(row)).append('"')
                    .append(row.reopen() ? ", style=dashed" : "").append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static String attributes(Lifecycle d, String state) {
        if (d.isFinal(state)) {
            return " [peripheries=2]";
        }
        return d.holdsAgent(state) ? " [label=\"" + state + "\\n(" + Labels.HOLDS_AGENT + ")\"]" : "";
    }
}
