package io.supportflow.benchmarks;

import org.mapdb.DB;
import org.mapdb.DBMaker;

import java.nio.file.Path;

/** The MapDB file mode of the durable baselines: the one supportflow's store uses, so the comparison is like for like. */
final class MapDbMode {

    private MapDbMode() {
    }

    /** A new or existing transactional file database at {@code file}: file channel, write-ahead log, commit = fsync. */
    static DB open(Path file) {
        return DBMaker.fileDB(file.toFile()).fileChannelEnable().transactionEnable().make();
    }
}
