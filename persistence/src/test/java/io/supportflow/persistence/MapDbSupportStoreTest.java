package io.supportflow.persistence;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class MapDbSupportStoreTest extends SupportStoreContract {
    @TempDir
    Path directory;

    @Override
    SupportStore newStore() {
        return Stores.openMapDb(directory);
    }
}
