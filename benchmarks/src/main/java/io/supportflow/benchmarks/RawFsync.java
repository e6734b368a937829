package io.supportflow.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** The disk's floor: {@value #BYTES} bytes rewritten at the start of a file and synced, no database at all. */
@State(Scope.Benchmark)
public class RawFsync {
    static final int BYTES = 300;
    private final byte[] record = new byte[BYTES];
    private Path directory;
    private RandomAccessFile file;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = ScratchDirectory.create("raw-fsync");
        file = new RandomAccessFile(directory.resolve("floor.bin").toFile(), "rw");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        file.close();
        ScratchDirectory.delete(directory);
    }

    void writeAndSync() throws IOException {
        file.seek(0);
        file.write(record);
        file.getFD().sync();
    }
}
