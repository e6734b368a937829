package io.supportflow.spec.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportflow.spec.lifecycle.Definitions;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DiagramsProperties {

    @Provide
    Arbitrary<Lifecycle> definitions() {
        return Definitions.definitions();
    }

    @Property(tries = 150)
    void everyFormatHasOneEdgePerRowInTableOrder(@ForAll("definitions") Lifecycle d) {
        List<String> expected = d.transitions().stream().map(t -> mermaidEdge(d, t)).toList();
        assertThat(Diagrams.mermaid(d).lines().filter(l -> l.contains(" : ") && l.contains(" --> ")).map(String::strip))
                .containsExactlyElementsOf(expected);
        assertThat(Diagrams.plantUml(d).lines().filter(l -> l.contains(" : ") && l.contains("-> ")))
                .hasSize(d.transitions().size());
        assertThat(Diagrams.dot(d).lines().filter(l -> l.contains("\" -> \"")))
                .hasSize(d.transitions().size());
    }

    @Property(tries = 150)
    void everyFormatMarksEveryFinalStateOnce(@ForAll("definitions") Lifecycle d) {
        assertThat(Diagrams.mermaid(d).lines().filter(l -> l.endsWith(" --> [*]")).map(String::strip))
                .containsExactlyElementsOf(d.finalStates().stream().map(s -> "s_" + s + " --> [*]").toList());
        assertThat(Diagrams.dot(d).lines().filter(l -> l.endsWith("[peripheries=2];")))
                .hasSize(d.finalStates().size());
    }

    private static String mermaidEdge(Lifecycle d, Transition t) {
        String source = t.source().equals(d.initialState()) ? "[*]" : "s_" + t.source();
        return source + " --> s_" + t.target() + " : " + Labels.of(t);
    }
}
