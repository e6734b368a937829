package io.supportflow.benchmarks;

import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.List;

/**
 * Baseline: raw MapDB in the store's file mode, one put of a cycle step's record and one commit (fsync) per
 * command. The floor a durable engine that commits every command on its own cannot beat.
 */
@State(Scope.Benchmark)
public class RawMapDb {
    private Path directory;
    private DB db;
    private BTreeMap<String, byte[]> records;
    private List<byte[]> cycle;

    @Setup(Level.Trial)
    public void open() {
        directory = ScratchDirectory.create("raw-mapdb");
        db = MapDbMode.open(directory.resolve("records.db"));
        records = db.treeMap("records", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        cycle = CycleRecords.of("order-1-0");
    }

    @TearDown(Level.Trial)
    public void close() {
        db.close();
        ScratchDirectory.delete(directory);
    }

    void write(String orderId, int step) {
        records.put(orderId, cycle.get(step));
        db.commit();
    }
}
