package io.supportflow.engine.cli;

import io.supportflow.engine.audit.StoredHistories;
import io.supportflow.persistence.Commit;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every example of the README's "Verifying a lifecycle" section as written there: each fenced block that
 * starts with {@code $ java -jar engine/target/supportflow.jar ...} is run in process and must print the rest of
 * the block exactly (a last line {@code ...} allows more) and exit as its {@code # exit N} says (else 0). Rules
 * files the section shows (a line {@code `NAME.rules`:} then an indented block) are written first; {@code --data
 * ./supportflow-data} is a store of three orders whose third close left its assignment ACTIVE. The SPIN
 * cross-check needs SPIN (installed by the build, see spec/src/test/spin/ensure-spin).
 */
class VerifyingALifecycleIT {
    private static final String JAR = "$ java -jar engine/target/supportflow.jar ";
    private static final Pattern RULES_FILE = Pattern.compile("^`([a-z0-9-]+\\.rules)`.*:$");
    private static final Pattern EXIT = Pattern.compile("\\s+# exit (\\d)$");

    @TempDir
    Path dir;

    @Test
    void everyExampleOfTheSectionPrintsWhatTheReadmeShows() throws IOException {
        List<String> section = section();
        writeRulesFiles(section);
        writeStore(dir.resolve("supportflow-data"));
        int examples = 0;
        for (int i = 0; i < section.size(); i++) {
            if (section.get(i).startsWith(JAR)) {
                List<String> expected = new ArrayList<>();
                for (int j = i + 1; !section.get(j).equals("```"); j++) {
                    expected.add(section.get(j));
                }
                check(section.get(i).substring(JAR.length()), expected);
                examples++;
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(4);
    }

    private void check(String commandLine, List<String> expected) {
        Matcher exit = EXIT.matcher(commandLine);
        int code = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
        String[] args = exit.replaceFirst("").trim().split("\\s+");
        for (int a = 0; a < args.length; a++) {
            if (args[a].endsWith(".rules") || args[a].equals("./supportflow-data")) {
                args[a] = dir.resolve(args[a]).normalize().toString();
            }
        }
        MainTest.Run run = MainTest.run(args);
        assertThat(run.exit()).as(commandLine + "\n" + run.out() + run.err()).isEqualTo(code);
        boolean prefix = !expected.isEmpty() && expected.get(expected.size() - 1).equals("...");
        List<String> printed = run.out().lines().toList();
        if (prefix) {
            assertThat(printed.subList(0, expected.size() - 1)).as(commandLine).isEqualTo(
                    expected.subList(0, expected.size() - 1));
        } else {
            assertThat(printed).as(commandLine).isEqualTo(expected);
        }
    }

    private void writeRulesFiles(List<String> section) throws IOException {
        for (int i = 0; i < section.size(); i++) {
            Matcher m = RULES_FILE.matcher(section.get(i));
            if (m.matches()) {
                StringBuilder text = new StringBuilder();
                for (int j = i + 2; j < section.size() && section.get(j).startsWith("    "); j++) {
                    text.append(section.get(j).substring(4)).append('\n');
                }
                Files.writeString(dir.resolve(m.group(1)), text, StandardCharsets.UTF_8);
            }
        }
    }

    private static void writeStore(Path data) {
        try (SupportStore store = Stores.openMapDb(data)) {
            StoredHistories.store(store, StoredHistories.served("o1", "a1"));
            StoredHistories.store(store, StoredHistories.served("o2", "a2"));
            StoredHistories.store(store, StoredHistories.with(StoredHistories.served("o3", "a1"), 2,
                    c -> new Commit(c.expectedVersion(), c.session(), c.entry(), List.of())));
        }
    }

    private static List<String> section() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Verifying a lifecycle");
        int end = start + 1;
        while (end < readme.size() && !readme.get(end).startsWith("## ")) {
            end++;
        }
        return readme.subList(start, end);
    }
}
