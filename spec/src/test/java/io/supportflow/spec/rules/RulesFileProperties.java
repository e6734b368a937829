package io.supportflow.spec.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.supportflow.spec.lifecycle.Definitions;
import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RulesFileProperties {

    @Provide
    Arbitrary<Lifecycle> definitions() {
        return Definitions.definitions();
    }

    @Property(tries = 300)
    void parsingThePrintedFileGivesBackTheDefinition(@ForAll("definitions") Lifecycle definition) {
        assertThat(RulesFile.parse(RulesFile.print(definition))).isEqualTo(definition);
    }

    @Property(tries = 100)
    void printingIsDeterministic(@ForAll("definitions") Lifecycle definition) {
        assertThat(RulesFile.print(RulesFile.parse(RulesFile.print(definition))))
                .isEqualTo(RulesFile.print(definition));
    }

    @Provide
    Arbitrary<String> garbledFiles() {
        Arbitrary<String> word = Arbitraries.of("lifecycle", "x", "extends", "standard", "initial", "state", "agent",
                "final", "transition", "reopen", "ignore", "policy", "permit", "NONE", "OPEN", "CLOSED", "--open-->",
                "--close-->", "when", "do", "hasAgent", "release", "&", ",", "\"gte 4\"", "\"", "#", "within", "PT1H",
                "capacity", "0", "3", "none", "agent", "close", "open", "\t", "-->", "--", "é");
        Arbitrary<String> line = word.list().ofMaxSize(8).map(words -> String.join(" ", words));
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }

    @Property(tries = 300)
    void anyTextEitherParsesOrFailsWithAPositionInsideIt(@ForAll("garbledFiles") String text) {
        try {
            RulesFile.parse(text);
        } catch (RulesSyntaxException e) {
            List<String> lines = text.lines().toList();
            assertThat(e.line()).isBetween(1, Math.max(1, lines.size()));
            assertThat(e.column()).isBetween(1, (lines.isEmpty() ? "" : lines.get(e.line() - 1)).length() + 1);
            assertThat(e.getMessage()).startsWith("line " + e.line() + ", column " + e.column() + ": ");
        }
    }
}
