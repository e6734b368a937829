package io.supportflow.persistence;

import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a file store does: survive reopening, refuse damaged or foreign files, repair derived tables. */
class MapDbStoreTest {
    private static final Instant T0 = SupportStoreContract.T0;
    private static final List<String> ORDERS = List.of("o1", "o2", "o3", "o4", "o5");

    @TempDir
    Path directory;

    private void writeTraffic(int commands) {
        try (SupportStore store = Stores.openMapDb(directory)) {
            Scenario.agentProfiles().forEach(store::putAgent);
            StoreDriver driver = new StoreDriver(store);
            Random random = new Random(3);
            Instant now = T0;
            for (int i = 0; i < commands; i++) {
                now = now.plus(Duration.ofMinutes(random.nextInt(8)));
                driver.fireDueTimers(now);
                driver.apply(Scenario.command(random, ORDERS), now);
            }
        }
    }

    private static Writes writes(SupportStore store) {
        return new Writes(((TableStore) store).tables());
    }

    private static void apply(SupportStore store, Writes writes) {
        ((TableStore) store).tables().apply(writes);
    }

    private Path dataFile() {
        return directory.resolve("supportflow.db");
    }

    @Test
    void everythingCommittedIsThereAfterReopening() {
        writeTraffic(80);
        var before = snapshotOfReopened();
        assertThat(snapshotOfReopened()).isEqualTo(before);
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(store.sessionCount()).isPositive();
            StoreChecks.assertConsistent(store, ORDERS);
        }
    }

    private Object snapshotOfReopened() {
        try (SupportStore store = Stores.openMapDb(directory)) {
            return StoreChecks.snapshot(store);
        }
    }

    @Test
    void theDirectoryHoldsTheDataFileTheRedoLogAndTheLockFile() throws IOException {
        writeTraffic(5);
        try (var files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("supportflow.db", "supportflow.redo", "supportflow.lock");
        }
    }

    @Test
    void aSecondOpenInTheSameJvmIsRefusedNamingTheDirectory() {
        try (SupportStore first = Stores.openMapDb(directory)) {
            assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                    .hasMessageContaining(directory.toString()).hasMessageContaining("already open in this JVM");
            assertThat(first.sessionCount()).isZero();
        }
        Stores.openMapDb(directory).close();
    }

    @Test
    void aTruncatedDataFileIsRefusedNamingIt() throws IOException {
        writeTraffic(40);
        try (RandomAccessFile file = new RandomAccessFile(dataFile().toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString()).hasMessageContaining("truncated");
    }

    @Test
    void anEmptiedDataFileIsRefusedNotOpenedAsAnEmptyStore() throws IOException {
        writeTraffic(10);
        Files.write(dataFile(), new byte[0]);
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString());
    }

    @Test
    void aDamagedSessionRecordIsRefusedNamingTheFile() throws IOException {
        try (SupportStore store = Stores.openMapDb(directory)) {
            Session session = new Session("o1", States.OPEN, 1, new Support(Descriptor.named("MARKER-7Q"), null, null,
                    null, null, null), null, T0, T0, null, null);
            store.commit(new Commit(0, session, new JournalEntry("o1", 1, "open", States.NONE, States.OPEN,
                    List.of(Effect.OPEN), Actor.CUSTOMER, T0, null, null), List.of()));
        }
        byte[] bytes = Files.readAllBytes(dataFile());
        byte[] marker = "MARKER-7Q".getBytes(StandardCharsets.US_ASCII);
        int found = 0;
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                bytes[i + marker.length - 1] ^= 1;
                found++;
            }
        }
        assertThat(found).isPositive();
        Files.write(dataFile(), bytes);
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString()).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aDamagedFileHeaderIsRefusedNamingTheFile() throws IOException {
        writeTraffic(10);
        try (RandomAccessFile file = new RandomAccessFile(dataFile().toFile(), "rw")) {
            file.seek(40);
            file.writeLong(0x0123456789ABCDEFL);
        }
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString());
    }

    @Test
    void aRecordOfANewerFormatFailsTheOpenNamingBothVersions() {
        try (SupportStore store = Stores.openMapDb(directory)) {
            Writes writes = writes(store);
            byte[] newer = Records.session(RecordsTest.SESSION);
            newer[0] = 9;
            writes.put(Table.SESSION, RecordsTest.SESSION.orderId(), newer);
            apply(store, writes);
        }
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString())
                .hasMessageContaining("format version 9 found").hasMessageContaining("reads format version 1");
    }

    @Test
    void aMissingRedoLogIsRefused() throws IOException {
        writeTraffic(5);
        Files.delete(directory.resolve("supportflow.redo"));
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("supportflow.redo").hasMessageContaining("missing");
    }

    @Test
    void aDeletedDataFileIsRefusedNotReplacedByAnEmptyStore() throws IOException {
        writeTraffic(5);
        Files.delete(dataFile());
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString()).hasMessageContaining("missing");
    }

    @Test
    void leftoversOfAnInterruptedCreationAreDiscarded() throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve("supportflow.db.new"), new byte[] {1, 2, 3});
        Files.write(directory.resolve("supportflow.redo.new"), new byte[] {4});
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(store.sessionCount()).isZero();
        }
        assertThat(directory.resolve("supportflow.db.new")).doesNotExist();
    }

    @Test
    void aCreationInterruptedBetweenItsTwoRenamesIsFinished() throws IOException {
        Stores.openMapDb(directory).close();
        Files.move(dataFile(), directory.resolve("supportflow.db.new"));
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(store.sessionCount()).isZero();
        }
        assertThat(dataFile()).exists();
    }

    @Test
    void aDisagreeingIndexIsRebuiltOnOpenAndReported() {
        writeTraffic(60);
        try (SupportStore store = Stores.openMapDb(directory)) {
            Writes writes = writes(store);
            writes.put(Table.BY_STATE, Keys.byState(States.CLOSED, "ghost"), CommitPlanner.EMPTY);
            store.ordersInState(States.OPEN).forEach(o -> writes.delete(Table.BY_STATE, Keys.byState(States.OPEN, o)));
            writes.delete(Table.TIMER, ((TableStore) store).tables().read(Table.TIMER).firstKey());
            writes.put(Table.META, Meta.SESSIONS, Meta.longValue(999));
            apply(store, writes);
        }
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(((MapDbTables) ((TableStore) store).tables()).openReport().repairs())
                    .anySatisfy(r -> assertThat(r).contains("by-state"))
                    .anySatisfy(r -> assertThat(r).contains("timer"))
                    .anySatisfy(r -> assertThat(r).contains("sessions"))
                    .hasSize(3);
            assertThat(store.ordersInState(States.CLOSED)).doesNotContain("ghost");
            StoreChecks.assertConsistent(store, ORDERS);
        }
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(((MapDbTables) ((TableStore) store).tables()).openReport().repairs()).isEmpty();
        }
    }

    @Test
    void aConsistentStoreOpensWithoutRepairs() {
        writeTraffic(60);
        try (SupportStore store = Stores.openMapDb(directory)) {
            OpenCheck.Report report = ((MapDbTables) ((TableStore) store).tables()).openReport();
            assertThat(report.repairs()).isEmpty();
            assertThat(report.sessions()).isEqualTo(store.sessionCount());
        }
    }
}
