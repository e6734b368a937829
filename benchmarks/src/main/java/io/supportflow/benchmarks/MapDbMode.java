package io.supportflow.benchmarks;

import org.mapdb.DB;
import org.mapdb.DBMaker;

import java.nio.file.Path;

/**
 * The MapDB file mode of the durable baselines: MapDB's own durable transactional mode (file channel, write-ahead
 * log, each commit synced), what an application using MapDB directly would choose. supportflow's store runs MapDB's
 * page store over its own redo-log volume, which is internal to the persistence module; like this mode, it syncs
 * every commit before returning.
 */
final class MapDbMode {

    private MapDbMode() {
    }

    /** A new or existing transactional file database at {@code file}: file channel, write-ahead log, commit = fsync. */
    static DB open(Path file) {
        return DBMaker.fileDB(file.toFile()).fileChannelEnable().transactionEnable().make();
    }
}
