package io.supportflow.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line in process: parsing, help, exit codes, and the commands that need no store. */
class MainTest {
    /** A lifecycle whose {@code grab} row enters ASSIGNED without assigning an agent: P1 breaks. */
    static final String BROKEN_RULES = """
            lifecycle broken extends standard
            transition OPEN --grab--> ASSIGNED
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void withoutACommandTheOverviewIsPrintedWithExitCode2() {
        Run run = run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("supportflow: a command is required\n")
                .contains("serve", "verify", "diagram", "sessions", "history", "demo");
    }

    @Test
    void anUnknownCommandIsExitCode2() {
        assertThat(run("launch").exit()).isEqualTo(2);
        assertThat(run("launch").err()).startsWith("supportflow: unknown command 'launch'\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "verify", "diagram", "sessions", "history", "demo", "export", "audit",
            "check-store"})
    void everyCommandHasHelp(String command) {
        Run run = run(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("usage: java -jar supportflow.jar " + command).contains("--help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve --prot 8080", "verify --rules", "diagram --format", "sessions --data d --sate X",
            "history --data d", "demo extra", "serve -p 1", "serve --port 70000", "diagram --format svg",
            "serve --port 1 --port 2", "history o-1", "export --format dot", "verify --cross-check nusmv", "audit"})
    void aWrongCommandLineGivesAOneLineErrorAndTheUsageWithExitCode2(String commandLine) {
        String[] args = commandLine.split(" ");

        Run run = run(args);

        assertThat(run.exit()).isEqualTo(2);
        String[] lines = run.err().split("\n");
        assertThat(lines[0]).startsWith("supportflow " + args[0] + ": ");
        assertThat(lines[1]).isEmpty();
        assertThat(lines[2]).startsWith("usage: java -jar supportflow.jar " + args[0]);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exportWritesTheLifecycleAsAPromelaModel() {
        Run run = run("export", "--format", "promela");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("/*\n * Promela model of lifecycle 'standard'")
                .contains("active proctype lifecycle()");
    }

    @Test
    void auditRefusesAStoreInUseSayingSo() {
        try (var served = io.supportflow.persistence.Stores.openMapDb(dir)) {
            Run run = run("audit", "--data", dir.toString());

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).startsWith("supportflow audit: store directory ").contains("is already open");
        }
    }

    @Test
    void verifyPassesTheStandardLifecycleWithExitCode0() {
        Run run = run("verify");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Model check of lifecycle 'standard'").contains("OK: P1, P2, P3 and P7 hold.");
    }

    @Test
    void verifyFailsABrokenLifecycleWithItsShortestTraceAndExitCode1() throws IOException {
        Run run = run("verify", "--rules", file("broken.rules", BROKEN_RULES).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("P1: an order in ASSIGNED (an agent state) has no agent")
                .contains("1. o1: open by CUSTOMER -> OPEN").contains("2. o1: grab by CUSTOMER -> ASSIGNED");
    }

    @Test
    void aRulesFileWithASyntaxErrorNamesItsLineAndColumn() throws IOException {
        Path rules = file("typo.rules", "lifecycle typo extends standard\ntransition OPEN --grab--> NOWHERE\n");

        Run run = run("verify", "--rules", rules.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("supportflow verify: " + rules + ": line 2, column");
    }

    @Test
    void aMissingRulesFileIsExitCode1() {
        Run run = run("diagram", "--rules", dir.resolve("none.rules").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("supportflow diagram: " + dir.resolve("none.rules") + ": no such file\n");
    }

    @Test
    void diagramSpeaksThreeLanguages() {
        assertThat(run("diagram").out()).contains("\nstateDiagram-v2\n");
        assertThat(run("diagram", "--format", "plantuml").out()).startsWith("@startuml");
        assertThat(run("diagram", "--format=dot").out()).startsWith("digraph");
    }

    @Test
    void serveRefusesToStartOnAViolationPrintingTheTrace() throws IOException {
        Path data = dir.resolve("data");

        Run run = run("serve", "--port", "0", "--data", data.toString(), "--rules",
                file("broken.rules", BROKEN_RULES).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("2. o1: grab by CUSTOMER -> ASSIGNED").contains("not starting");
        assertThat(data).doesNotExist();
    }

    @Test
    void serveRefusesAnEmptyOrMissingTokenFile() throws IOException {
        assertThat(run("serve", "--token-file", file("empty", "\n").toString()).err())
                .contains("the token file must hold one token");
        assertThat(run("serve", "--token-file", dir.resolve("none").toString()).exit()).isEqualTo(1);
    }

    @Test
    void offlineReadsNeedAnExistingStore() {
        Run run = run("sessions", "--data", dir.resolve("none").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).endsWith("no such store directory\n");
    }
}
