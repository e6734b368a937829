package io.supportflow.persistence;

class InMemorySupportStoreTest extends SupportStoreContract {

    @Override
    SupportStore newStore() {
        return Stores.inMemory();
    }
}
