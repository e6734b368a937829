package io.supportflow.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store directory is used by one process at a time: others fail at once with a clear message, never wait. */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SecondProcessIT {
    @TempDir
    Path directory;

    private Process holder() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), directory.toString()).start();
    }

    private static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    void aDirectoryOpenInAnotherProcessIsRefusedUntilThatProcessClosesIt() throws Exception {
        Process other = holder();
        BufferedReader lines = output(other);
        assertThat(lines.readLine()).isEqualTo("OPEN 0");

        assertThatThrownBy(() -> Stores.openMapDb(directory))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("already opened by another process");

        other.getOutputStream().write('\n');
        other.getOutputStream().flush();
        assertThat(lines.readLine()).isEqualTo("CLOSED");
        assertThat(other.waitFor()).isZero();
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(store.sessionCount()).isZero();
        }
    }

    @Test
    void theLockOfAKilledProcessIsReleased() throws Exception {
        Process other = holder();
        assertThat(output(other).readLine()).isEqualTo("OPEN 0");
        other.toHandle().destroyForcibly();
        other.waitFor();
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(store.sessionCount()).isZero();
        }
    }

    @Test
    void aDirectoryOpenHereIsRefusedToAnotherProcess() throws Exception {
        try (SupportStore store = Stores.openMapDb(directory)) {
            Process other = holder();
            String errors = new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.waitFor()).isNotZero();
            assertThat(output(other).readLine()).isNull();
            assertThat(errors).contains(StoreOpenException.class.getName()).contains(directory.toString())
                    .contains("already opened by another process");
            assertThat(store.sessionCount()).isZero();
        }
    }
}
