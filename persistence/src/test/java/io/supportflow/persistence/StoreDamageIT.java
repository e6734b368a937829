package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One flipped byte in a store's data file, real files: at offsets spread over the whole file (the header page, then a
 * byte of every page of the MapDB store at a position that moves from page to page, so that MapDB's header, index and
 * free-list pages, B-tree nodes of every table and the record values are all hit, and the stored checksums
 * themselves), it is never read as data: opening a stopped store fails naming the file and the page, writing
 * nothing; {@code check-store} ({@link Stores#checkMapDb}) reports it; and met by the reads of an open store it is a
 * {@link StoreDamagedException} naming the file and the order, after which no write is accepted.
 */
class StoreDamageIT {
    private static final List<String> ORDERS = IntStream.range(0, 40).mapToObj(i -> "order-" + i).toList();

    @TempDir
    Path root;

    private Path pristine;
    private byte[] data;
    private byte[] redo;

    @BeforeEach
    void writeAStoppedStore() throws IOException {
        pristine = root.resolve("pristine");
        Scenario.writeTraffic(pristine, ORDERS, 600);
        data = Files.readAllBytes(pristine.resolve("supportflow.db"));
        redo = Files.readAllBytes(pristine.resolve("supportflow.redo"));
    }

    @Test
    void everyFlippedByteOfAStoppedStoreFailsTheOpenNamingFileAndPageAndCheckStoreReportsIt() throws IOException {
        List<Integer> offsets = offsets();
        Path copy = root.resolve("copy");
        Path dataFile = copy.resolve("supportflow.db");
        int checked = 0;
        for (int i = 0; i < offsets.size(); i++) {
            int offset = offsets.get(i);
            byte[] flipped = flip(data, offset, i);
            writeCopy(copy, flipped);
            assertThatThrownBy(() -> Stores.openMapDb(copy).close()).as("open with byte %d flipped", offset)
                    .isInstanceOf(StoreOpenException.class).hasMessageContaining(dataFile.toString())
                    .hasMessageContaining("page");
            assertThat(Files.readAllBytes(dataFile)).as("data file after the failed open, byte %d flipped", offset)
                    .isEqualTo(flipped);
            if (i % 4 == 0) {
                StoreCheck check = Stores.checkMapDb(copy);
                assertThat(check.clean()).as("check-store with byte %d flipped", offset).isFalse();
                assertThat(check.damage()).as("check-store with byte %d flipped", offset)
                        .allSatisfy(line -> assertThat(line).contains(dataFile.toString()));
                checked++;
            }
        }
        assertThat(offsets).hasSizeGreaterThan(data.length / PageFile.PAGE);
        assertThat(checked).isGreaterThan(offsets.size() / 5);
        writeCopy(copy, data);
        assertThat(Stores.checkMapDb(copy).clean()).as("check-store of the undamaged store").isTrue();
    }

    @Test
    void damageMetByTheReadsOfAnOpenStoreNamesTheOrderAndFromThenOnEveryWriteIsRefused() throws IOException {
        Map<String, Object> expected = new TreeMap<>();
        try (SupportStore store = Stores.openMapDb(pristine)) {
            ORDERS.forEach(order -> expected.put(order, reads(store, order)));
        }
        Path copy = root.resolve("open");
        writeCopy(copy, data);
        Path dataFile = copy.resolve("supportflow.db");
        try (SupportStore store = Stores.openMapDb(copy)) {
            byte[] flipped = DamagedFiles.flipEveryThirdPage(dataFile);
            DamagedFiles.dropCachedPages(store);
            TreeSet<String> damagedOrders = new TreeSet<>();
            for (String order : ORDERS) {
                try {
                    assertThat(reads(store, order)).as("reads of %s", order).isEqualTo(expected.get(order));
                } catch (StoreDamagedException e) {
                    assertThat(e).hasMessageContaining(dataFile.toString()).hasMessageContaining("order " + order);
                    assertThat(e.orderId()).contains(order);
                    assertThat(e.page()).isPresent();
                    damagedOrders.add(order);
                }
            }
            assertThat(damagedOrders).as("orders whose reads met a damaged page").isNotEmpty();
            assertEveryWriteIsRefused(store);
            store.close();
            assertThat(Files.readAllBytes(dataFile)).as("the data file after the refused writes").isEqualTo(flipped);
        }
    }

    /**
     * Each command either fails on a damaged read while it is decided, or is refused by the lifecycle, or, accepted,
     * is refused by the store; agent registration, acknowledgement and compaction are refused.
     */
    private static void assertEveryWriteIsRefused(SupportStore store) {
        StoreDriver driver = new StoreDriver(store);
        Random random = new Random(11);
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            Outcome outcome;
            try {
                outcome = driver.decide(Scenario.command(random, ORDERS), SupportStoreContract.T0.plusSeconds(86_400));
            } catch (StoreDamagedException e) {
                failed++;
                continue;
            }
            if (outcome instanceof Outcome.Accepted accepted) {
                assertThatThrownBy(() -> store.commit(Commit.of(accepted))).isInstanceOf(StoreDamagedException.class);
                failed++;
            }
        }
        assertThat(failed).as("commands that met the damage").isPositive();
        assertThatThrownBy(() -> store.putAgent(Scenario.agentProfiles().get(0)))
                .isInstanceOf(StoreDamagedException.class).hasMessageContaining("refuses writes");
        assertThatThrownBy(() -> store.acknowledge("order-1", 1)).isInstanceOf(StoreDamagedException.class);
        assertThatThrownBy(store::compact).isInstanceOf(StoreDamagedException.class);
    }

    /** Every read of one order: its session, journal and assignments. */
    private static List<Object> reads(SupportStore store, String order) {
        Optional<Session> session = store.load(order);
        List<JournalEntry> journal = store.journal(order);
        List<Assignment> assignments = store.assignments(order);
        return List.of(session, journal, assignments);
    }

    /**
     * The first 12 bytes (magic, format, page size) and the checksum of the header page, then one byte of every page
     * (moving through the page from one to the next, the checksum included every 16th page), then 40 at random.
     */
    private List<Integer> offsets() {
        List<Integer> offsets = new ArrayList<>();
        IntStream.range(0, 12).forEach(offsets::add);
        IntStream.range(PageFile.CONTENT, PageFile.PAGE).forEach(offsets::add);
        int pages = data.length / PageFile.PAGE;
        for (int page = 1; page < pages; page++) {
            int inPage = page % 16 == 0 ? PageFile.CONTENT + page / 16 % 4 : (page * 977) % PageFile.CONTENT;
            offsets.add(page * PageFile.PAGE + inPage);
        }
        Random random = new Random(5);
        IntStream.range(0, 40).forEach(i -> offsets.add(random.nextInt(data.length)));
        return offsets;
    }

    /** {@code bytes} with the byte at {@code offset} changed: one bit, or all eight. */
    private static byte[] flip(byte[] bytes, int offset, int i) {
        byte[] flipped = bytes.clone();
        flipped[offset] ^= (byte) (i % 3 == 0 ? 0xFF : 1 << (i % 8));
        return flipped;
    }

    private void writeCopy(Path copy, byte[] dataBytes) throws IOException {
        Files.createDirectories(copy);
        Files.write(copy.resolve("supportflow.db"), dataBytes);
        Files.write(copy.resolve("supportflow.redo"), redo);
    }
}
