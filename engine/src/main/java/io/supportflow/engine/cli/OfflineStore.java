package io.supportflow.engine.cli;

import io.supportflow.persistence.StoreOpenException;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an existing MapDB store for offline reading (no engine: no timers fire, no outbox is delivered). */
final class OfflineStore {
    static final Usage.Option DATA = new Usage.Option("data", "DIR", "the store directory (as given to serve)");

    private OfflineStore() {
    }

    /**
     * @throws UsageException without {@code --data}
     * @throws CliFailure     when the directory does not exist or the store cannot be opened (for example while a
     *                        server holds it)
     */
    static SupportStore open(Arguments args) {
        Path directory = directory(args);
        try {
            return Stores.openMapDb(directory);
        } catch (StoreOpenException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    /**
     * The existing store directory {@code --data} names.
     *
     * @throws UsageException without {@code --data}
     * @throws CliFailure     when the directory does not exist
     */
    static Path directory(Arguments args) {
        String data = args.option("data");
        if (data == null) {
            throw new UsageException("--data DIR is required");
        }
        Path directory = Path.of(data);
        if (!Files.isDirectory(directory)) {
            throw new CliFailure(data + ": no such store directory");
        }
        return directory;
    }
}
