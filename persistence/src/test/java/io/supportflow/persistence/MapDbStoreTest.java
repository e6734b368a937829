package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        Scenario.writeTraffic(directory, ORDERS, commands);
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

    private Map<Table, Map<String, String>> snapshotOfReopened() {
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
    void aDamagedSessionRecordFailsItsPageCheckOnOpenNamingTheFileAndThePage() throws IOException {
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
                .hasMessageContaining(dataFile().toString()).hasMessageContaining("checksum mismatch")
                .hasMessageContaining("page ");
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
            writes.put(Table.ACTIVE, Keys.active("a1", "ghost", 1), CommitPlanner.EMPTY);
            writes.put(Table.TIMER, Keys.timer(T0, "ghost"), CommitPlanner.EMPTY);
            writes.put(Table.META, Meta.SESSIONS, Meta.longValue(999));
            apply(store, writes);
        }
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(((MapDbTables) ((TableStore) store).tables()).openReport().repairs())
                    .anySatisfy(r -> assertThat(r).contains("by-state"))
                    .anySatisfy(r -> assertThat(r).contains("active"))
                    .anySatisfy(r -> assertThat(r).contains("sessions"))
                    .anySatisfy(r -> assertThat(r).contains("timer-wheel"))
                    .hasSize(4);
            assertThat(store.ordersInState(States.CLOSED)).doesNotContain("ghost");
            assertThat(store.dueTimers(Instant.MAX)).doesNotContain("ghost");
            assertThat(store.agentLoad("a1")).isEqualTo(store.ordersWithAgent("a1").size());
            StoreChecks.assertConsistent(store, ORDERS);
        }
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(((MapDbTables) ((TableStore) store).tables()).openReport().repairs()).isEmpty();
        }
    }

    /**
     * MapDB never frees the B-tree nodes that removals empty, nor all the space of removed values: churn grows the
     * file (about 150 bytes per removed key). The store counts removals and compacts on open once they are estimated
     * at half the file, so churn cannot grow the file without bound. The churn here is of keys inserted in
     * increasing order and removed soon after, the worst pattern, in the meta table, which the open check ignores.
     */
    @Test
    void churnedKeysDoNotGrowTheFileAcrossReopens() throws IOException {
        long[] churned = new long[3];
        long[] reopened = new long[3];
        for (int phase = 0; phase < 3; phase++) {
            try (SupportStore store = Stores.openMapDb(directory)) {
                reopened[phase] = Files.size(dataFile());
                churn(store, phase * 12_000L, 12_000);
                churned[phase] = Files.size(dataFile());
            }
        }
        assertThat(churned[1]).as("churn grows the file").isGreaterThan(reopened[1]);
        assertThat(reopened[2]).as("the second reopen compacts").isLessThan(churned[1]);
        assertThat(java.util.Arrays.stream(reopened).max().orElseThrow()).isLessThanOrEqualTo(reopened[1] + (1 << 20));
    }

    /** Inserts {@code count} keys in increasing order, each removed 400 keys later, then the last 400. */
    private static void churn(SupportStore store, long first, int count) {
        for (long chunk = first; chunk < first + count; chunk += 400) {
            Writes writes = writes(store);
            for (long k = chunk; k < chunk + 400; k++) {
                writes.put(Table.META, "churn-" + Keys.number(k + 400), new byte[24]);
                writes.delete(Table.META, "churn-" + Keys.number(k));
            }
            apply(store, writes);
        }
        Writes cleanUp = writes(store);
        ((TableStore) store).tables().read(Table.META).keySet().stream().filter(k -> k.startsWith("churn-"))
                .forEach(k -> cleanUp.delete(Table.META, k));
        apply(store, cleanUp);
    }

    @Test
    void aCompactionInterruptedBeforeItsRenamesLeavesTheOldStore() throws IOException {
        writeTraffic(40);
        var before = snapshotOfReopened();
        writeCompactCopy();
        assertThat(snapshotOfReopened()).isEqualTo(before);
        assertThat(directory.resolve("supportflow.db.new")).doesNotExist();
        assertThat(directory.resolve("supportflow.redo.new")).doesNotExist();
    }

    @Test
    void aCompactionInterruptedBetweenItsRenamesOpensTheCompactedStore() throws IOException {
        writeTraffic(40);
        var before = snapshotOfReopened();
        before.get(Table.META).remove(Meta.REMOVALS);
        writeCompactCopy();
        long compacted = PageFile.logicalLength(Files.size(directory.resolve("supportflow.db.new")));
        try (RedoLog old = RedoLog.open(directory.resolve("supportflow.redo"))) {
            old.reset(Math.min(old.checkpointLength(), compacted));
        }
        Files.move(directory.resolve("supportflow.db.new"), dataFile(), StandardCopyOption.REPLACE_EXISTING);
        var after = snapshotOfReopened();
        assertThat(after).isEqualTo(before);
    }

    private void writeCompactCopy() throws IOException {
        try (SupportStore store = Stores.openMapDb(directory)) {
            FreshStore.copy(new StoreFiles(directory), ((TableStore) store).tables()::read);
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

    @Test
    void aStoreOfFormat1IsMigratedOnOpenKeepingTheOldFileAndReadsBackEqual() throws IOException {
        writeTraffic(60);
        var before = snapshotOfReopened();
        writeAsFormat1();
        assertThat(Files.readAllBytes(dataFile())[0]).as("a MapDB header at offset 0").isEqualTo((byte) 0x4A);
        assertThat(snapshotOfReopened()).isEqualTo(before);
        assertThat(PageFile.hasMagic(Files.readAllBytes(dataFile()))).isTrue();
        assertThat(directory.resolve("supportflow.db.format1")).exists();
        assertThat(snapshotOfReopened()).isEqualTo(before);
    }

    @Test
    void aStoreOfTableLayout1WithoutTimersOnDiskGetsItsTimerWheelBuiltOnOpenAndReadsBackEqual() throws IOException {
        writeTraffic(60);
        var before = snapshotOfReopened();
        assertThat(before.get(Table.TIMER)).as("armed timers in the traffic").isNotEmpty();
        writeAsLayout1(before);
        try (SupportStore store = Stores.openMapDb(directory)) {
            assertThat(((MapDbTables) ((TableStore) store).tables()).openReport().repairs()).isEmpty();
            assertThat(StoreChecks.snapshot(store)).isEqualTo(before);
            StoreChecks.assertConsistent(store, ORDERS);
        }
        assertThat(snapshotOfReopened()).isEqualTo(before);
    }

    /**
     * Rewrites the stopped store as a store written before the timer wheel: table layout 1, no timer table, as the
     * MapDB file itself (store format 1, the format such stores were last migrated from), with {@code tables}' content.
     */
    private void writeAsLayout1(Map<Table, Map<String, String>> tables) throws IOException {
        Files.delete(dataFile());
        org.mapdb.DB db = org.mapdb.DBMaker.fileDB(dataFile().toFile()).fileChannelEnable().make();
        try {
            for (Table table : Table.values()) {
                if (table != Table.TIMER && !table.inMemory()) {
                    var map = MapDbTables.maker(db, table).create();
                    tables.get(table).forEach((key, hex) -> map.put(key, java.util.HexFormat.of().parseHex(hex)));
                }
            }
            db.treeMap(Table.META.mapName(), org.mapdb.Serializer.STRING, org.mapdb.Serializer.BYTE_ARRAY).open()
                    .put(Meta.LAYOUT, Meta.longValue(Meta.LAYOUT_WITHOUT_TIMERS));
            db.commit();
        } finally {
            db.close();
        }
        try (RedoLog log = RedoLog.open(directory.resolve("supportflow.redo"))) {
            log.reset(Files.size(dataFile()));
        }
    }

    @Test
    void aDataFileOfNeitherFormatIsRefusedNamingIt() throws IOException {
        writeTraffic(5);
        byte[] bytes = Files.readAllBytes(dataFile());
        bytes[0] = 'X';
        Files.write(dataFile(), bytes);
        assertThatThrownBy(() -> Stores.openMapDb(directory)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining(dataFile().toString()).hasMessageContaining("neither the store format 2 header");
        assertThat(Files.readAllBytes(dataFile())).isEqualTo(bytes);
    }

    /** Rewrites the stopped store as format 1 wrote it: the MapDB file itself, its redo log's checkpoint its length. */
    private void writeAsFormat1() throws IOException {
        byte[] content = RedoVolumeProperties.content(dataFile());
        Files.write(dataFile(), content);
        try (RedoLog log = RedoLog.open(directory.resolve("supportflow.redo"))) {
            log.reset(content.length);
        }
    }
}
