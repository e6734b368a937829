package io.supportflow.persistence;

import io.supportflow.spec.model.Assignment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitTest {
    private final Commit opened = SupportStoreContract.openedByHand("o1");

    @Test
    void theSessionMustBeOneVersionPastTheExpectedOne() {
        assertThatThrownBy(() -> new Commit(1, opened.session(), opened.entry(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("advance by one");
    }

    @Test
    void aNegativeExpectedVersionIsRefused() {
        assertThatThrownBy(() -> new Commit(-1, opened.session(), opened.entry(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAssignmentOfAnotherOrderIsRefused() {
        Assignment other = Assignment.started("o2", "a1", 1, SupportStoreContract.T0);
        assertThatThrownBy(() -> new Commit(0, opened.session(), opened.entry(), List.of(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o2");
    }

    @Test
    void anEntryOfAnotherOrderIsRefused() {
        assertThatThrownBy(() -> new Commit(0, opened.session(),
                SupportStoreContract.openedByHand("o2").entry(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o2");
    }
}
