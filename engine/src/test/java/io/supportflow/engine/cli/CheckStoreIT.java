package io.supportflow.engine.cli;

import io.supportflow.engine.SupportEngine;
import io.supportflow.persistence.DamagedFiles;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check-store} on real store files: exit 0 on a clean store, 1 naming file and page on a damaged one. */
class CheckStoreIT {
    @TempDir
    Path dir;

    private Path store() {
        Path data = dir.resolve("store");
        try (SupportEngine engine = SupportEngine.builder().dataDirectory(data).manualScheduling().build()) {
            for (int i = 0; i < 30; i++) {
                engine.open("o" + i, Support.forOrder("o" + i), Actor.CUSTOMER);
            }
        }
        return data;
    }

    @Test
    void aCleanStoreIsExitCode0WithThePagesAndRecordsRead() {
        Path data = store();

        MainTest.Run run = MainTest.run("check-store", "--data", data.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(data.toString()).contains(" pages and ").endsWith("no damage\n");
    }

    @Test
    void aFlippedByteIsExitCode1NamingTheFileAndThePageAndTheStoreStillRefusesToOpen() throws IOException {
        Path data = store();
        Path file = data.resolve("supportflow.db");
        byte[] flipped = DamagedFiles.flipByte(file, (int) Files.size(file) / 2);

        MainTest.Run run = MainTest.run("check-store", "--data", data.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(file.toString()).contains("page ").contains("failed its check")
                .contains("damaged");
        assertThat(Files.readAllBytes(file)).as("check-store repairs nothing").isEqualTo(flipped);
        MainTest.Run sessions = MainTest.run("sessions", "--data", data.toString());
        assertThat(sessions.exit()).isEqualTo(1);
        assertThat(sessions.err()).contains(file.toString()).contains("check-store");
    }

    @Test
    void withoutAStoreDirectoryItIsExitCode1() {
        MainTest.Run run = MainTest.run("check-store", "--data", dir.resolve("none").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no such store directory");
    }
}
