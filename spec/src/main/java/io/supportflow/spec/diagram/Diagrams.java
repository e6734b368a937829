package io.supportflow.spec.diagram;

import io.supportflow.spec.lifecycle.Lifecycle;

/**
 * State diagrams of a lifecycle definition, as text for Mermaid, PlantUML or Graphviz. Every format draws the
 * initial pseudo-state as a start point, marks final states, labels each row {@code event [guards] / effects},
 * marks reopen rows {@code (reopen)} and annotates states that hold an agent. Output is deterministic (states and
 * rows in declaration order), ends with a newline, and contains one edge per row.
 */
public final class Diagrams {

    /** The diagram languages. */
    public enum Format { MERMAID, PLANTUML, DOT }

    private Diagrams() {
    }

    /**
     * A Mermaid {@code stateDiagram-v2}.
     *
     * @throws NullPointerException if {@code definition} is null
     */
    public static String mermaid(Lifecycle definition) {
        return MermaidWriter.write(definition);
    }

    /**
     * A PlantUML state diagram, {@code @startuml} to {@code @enduml}.
     *
     * @throws NullPointerException if {@code definition} is null
     */
    public static String plantUml(Lifecycle definition) {
        return PlantUmlWriter.write(definition);
    }

    /**
     * A Graphviz {@code digraph}.
     *
     * @throws NullPointerException if {@code definition} is null
     */
    public static String dot(Lifecycle definition) {
        return DotWriter.write(definition);
    }

    /**
     * The diagram in {@code format}.
     *
     * @throws NullPointerException if an argument is null
     */
    public static String render(Lifecycle definition, Format format) {
        return switch (format) {
            case MERMAID -> mermaid(definition);
            case PLANTUML -> plantUml(definition);
            case DOT -> dot(definition);
        };
    }
}
