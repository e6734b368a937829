package io.supportflow.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoresTest {

    @Test
    void openingPostgresWithoutThePostgresModuleSaysWhichDependencyToAdd() {
        assertThatThrownBy(() -> Stores.openPostgres("jdbc:postgresql://127.0.0.1:1/none"))
                .isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("io.supportflow:supportflow-postgres");
    }
}
