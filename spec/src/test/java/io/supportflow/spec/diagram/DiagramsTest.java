package io.supportflow.spec.diagram;

import static io.supportflow.spec.lifecycle.Transition.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.supportflow.spec.RepositoryFiles;
import io.supportflow.spec.diagram.Diagrams.Format;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiagramsTest {

    /** Start, two agent-holding states, two final states, a reopen row and a row named like a DOT keyword. */
    private static final Lifecycle CUSTOM = Lifecycle.builder("custom")
            .initial("START")
            .state("NODE")
            .agentState("HELD")
            .finalState("DONE")
            .agentState("ESCALATED")
            .finalState("WITHDRAWN")
            .add(of("START", "open", "NODE").when(Guard.NO_AGENT_GIVEN).does(Effect.OPEN))
            .add(of("START", "open", "HELD").when(Guard.AGENT_GIVEN, Guard.WITHIN_CAPACITY).does(Effect.OPEN,
                    Effect.ASSIGN))
            .add(of("NODE", "assign", "HELD").does(Effect.ASSIGN))
            .add(of("HELD", "escalate", "ESCALATED").when(Guard.OTHER_AGENT).does(Effect.ASSIGN))
            .add(of("HELD", "update", "HELD").does(Effect.UPDATE))
            .add(of("ESCALATED", "close", "DONE").does(Effect.RELEASE))
            .add(of("HELD", "close", "DONE").does(Effect.RELEASE))
            .add(of("NODE", "withdraw", "WITHDRAWN"))
            .reopen(of("DONE", "open", "NODE").when(Guard.NO_AGENT_GIVEN, Guard.REOPEN_ALLOWED).does(Effect.OPEN))
            .ignore("DONE", "close")
            .build();

    private static final List<String> CUSTOM_LABELS = List.of(
            "open [noAgentGiven] / open",
            "open [agentGiven & withinCapacity] / open, assign",
            "assign / assign",
            "escalate [otherAgent] / assign",
            "update / update",
            "close / release",
            "close / release",
            "withdraw",
            "open [noAgentGiven & reopenAllowed] / open (reopen)");

    @ParameterizedTest
    @EnumSource(Format.class)
    void theCommittedDiagramOfTheStandardLifecycleIsCurrent(Format format) {
        String file = switch (format) {
            case MERMAID -> "docs/lifecycle.mmd";
            case PLANTUML -> "docs/lifecycle.puml";
            case DOT -> "docs/lifecycle.dot";
        };
        RepositoryFiles.assertCurrent(file, Diagrams.render(Lifecycle.standard(), format));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void renderingIsDeterministicAndEndsWithANewline(Format format) {
        String once = Diagrams.render(CUSTOM, format);

        assertThat(Diagrams.render(CUSTOM.extend("custom").build(), format)).isEqualTo(once);
        assertThat(once).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void renderDelegatesToTheFormatsOwnMethod() {
        assertThat(Diagrams.render(CUSTOM, Format.MERMAID)).isEqualTo(Diagrams.mermaid(CUSTOM));
        assertThat(Diagrams.render(CUSTOM, Format.PLANTUML)).isEqualTo(Diagrams.plantUml(CUSTOM));
        assertThat(Diagrams.render(CUSTOM, Format.DOT)).isEqualTo(Diagrams.dot(CUSTOM));
    }

    @Test
    void mermaidDrawsEveryRowOnceFromTheInitialPseudoStateAndEveryFinalStateIntoTheEnd() {
        assertThat(Diagrams.mermaid(CUSTOM)).isEqualTo("""
                ---
                title: "custom"
                ---
                stateDiagram-v2
                    %% [*] is the initial state START
                    state "NODE" as s_NODE
                    state "HELD (holds one agent)" as s_HELD
                    state "DONE" as s_DONE
                    state "ESCALATED (holds one agent)" as s_ESCALATED
                    state "WITHDRAWN" as s_WITHDRAWN
                    [*] --> s_NODE : open [noAgentGiven] / open
                    [*] --> s_HELD : open [agentGiven & withinCapacity] / open, assign
                    s_NODE --> s_HELD : assign / assign
                    s_HELD --> s_ESCALATED : escalate [otherAgent] / assign
                    s_HELD --> s_HELD : update / update
                    s_ESCALATED --> s_DONE : close / release
                    s_HELD --> s_DONE : close / release
                    s_NODE --> s_WITHDRAWN : withdraw
                    s_DONE --> s_NODE : open [noAgentGiven & reopenAllowed] / open (reopen)
                    s_DONE --> [*]
                    s_WITHDRAWN --> [*]
                """);
    }

    @Test
    void plantUmlDrawsEveryRowOnceWithReopensDashedAndEveryFinalStateIntoTheEnd() {
        String diagram = Diagrams.plantUml(CUSTOM);

        assertThat(diagram).startsWith("@startuml\ntitle custom\n").endsWith("@enduml\n")
                .contains("\nstate \"HELD\" as s_HELD : holds one agent\n", "\nstate \"NODE\" as s_NODE\n",
                        "\n[*] --> s_NODE : open [noAgentGiven] / open\n",
                        "\ns_DONE -[dashed]-> s_NODE : open [noAgentGiven & reopenAllowed] / open (reopen)\n",
                        "\ns_DONE --> [*]\ns_WITHDRAWN --> [*]\n@enduml\n");
        assertThat(edges(diagram, " : ")).containsExactlyElementsOf(CUSTOM_LABELS);
        assertThat(diagram.lines().filter(l -> l.contains("START"))).containsExactly("' [*] is the initial state START");
    }

    @Test
    void dotDrawsEveryRowOnceWithTheInitialStateAPointAndFinalStatesDoubled() {
        String diagram = Diagrams.dot(CUSTOM);

        assertThat(diagram).startsWith("digraph \"custom\" {\n").endsWith("\n}\n")
                .contains("\n    \"START\" [shape=point, width=0.2];\n",
                        "\n    \"NODE\";\n",
                        "\n    \"HELD\" [label=\"HELD\\n(holds one agent)\"];\n",
                        "\n    \"DONE\" [peripheries=2];\n",
                        "\n    \"WITHDRAWN\" [peripheries=2];\n",
                        "\n    \"START\" -> \"NODE\" [label=\"open [noAgentGiven] / open\"];\n",
                        "\n    \"DONE\" -> \"NODE\" [label=\"open [noAgentGiven & reopenAllowed] / open (reopen)\", "
                                + "style=dashed];\n");
        assertThat(diagram.lines().filter(l -> l.contains(" -> ")).map(l -> l.replaceAll(".*label=\"([^\"]*)\".*", "$1")))
                .containsExactlyElementsOf(CUSTOM_LABELS);
    }

    @Test
    void everyFormatMarksExactlyTheFinalStates() {
        assertThat(Diagrams.mermaid(CUSTOM).lines().filter(l -> l.endsWith("--> [*]")))
                .containsExactly("    s_DONE --> [*]", "    s_WITHDRAWN --> [*]");
        assertThat(Diagrams.plantUml(CUSTOM).lines().filter(l -> l.endsWith("--> [*]")))
                .containsExactly("s_DONE --> [*]", "s_WITHDRAWN --> [*]");
        assertThat(Diagrams.dot(CUSTOM).lines().filter(l -> l.contains("peripheries=2")))
                .containsExactly("    \"DONE\" [peripheries=2];", "    \"WITHDRAWN\" [peripheries=2];");
    }

    /** The labels of the edge lines, in order. */
    private static List<String> edges(String diagram, String separator) {
        return diagram.lines().filter(l -> l.contains("-> ") && l.contains(separator))
                .map(l -> l.substring(l.indexOf(separator) + separator.length())).toList();
    }
}
