package io.supportflow.engine.cli;

import io.supportflow.engine.cli.MainTest.Run;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rules text the documentation shows passes {@code verify}: each code block of README.md and docs/*.md whose
 * first declaration is {@code lifecycle …} (fenced, or indented by four spaces), and every docs/*.rules file.
 */
class DocumentedRulesTest {
    private static final Path REPOSITORY = Path.of("..");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyRulesTextInTheReadmeAndDocsPassesVerify() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        List<Path> rulesFiles = new ArrayList<>();
        try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
            docs.sorted().forEach(p -> (p.toString().endsWith(".rules") ? rulesFiles : documents).add(p));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : documents.stream().filter(p -> p.toString().endsWith(".md")).toList()) {
            List<String> texts = rulesTexts(Files.readString(document, StandardCharsets.UTF_8));
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                tests.add(DynamicTest.dynamicTest(REPOSITORY.relativize(document) + " block " + (i + 1),
                        () -> assertVerifies(text)));
            }
        }
        for (Path file : rulesFiles) {
            tests.add(DynamicTest.dynamicTest(REPOSITORY.relativize(file).toString(),
                    () -> assertVerifies(Files.readString(file, StandardCharsets.UTF_8))));
        }
        assertThat(tests).as("the README's example, the rules-format example and standard.rules at least")
                .hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    private void assertVerifies(String text) {
        Path file = write(text);

        Run run = MainTest.run("verify", "--rules", file.toString());

        assertThat(run.exit()).as("verify of\n%s\nsaid\n%s%s", text, run.out(), run.err()).isZero();
    }

    private Path write(String text) {
        try {
            return Files.writeString(Files.createTempFile(dir, "documented", ".rules"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code blocks of a markdown text whose first declaration (not a comment) starts with {@code lifecycle }. */
    static List<String> rulesTexts(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                if (fenced) {
                    blocks.add(block.toString());
                    block = null;
                } else {
                    block = new StringBuilder();
                }
                fenced = !fenced;
            } else if (fenced) {
                block.append(line).append('\n');
            } else if (line.startsWith("    ") || line.isBlank() && block != null) {
                block = block == null ? new StringBuilder() : block;
                block.append(line.length() >= 4 ? line.substring(4) : "").append('\n');
            } else if (block != null) {
                blocks.add(block.toString());
                block = null;
            }
        }
        return blocks.stream().filter(DocumentedRulesTest::isRules).toList();
    }

    private static boolean isRules(String block) {
        return block.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                .map(l -> l.startsWith("lifecycle ")).orElse(false);
    }
}
