package io.supportflow.engine.audit;

import io.supportflow.persistence.Commit;
import io.supportflow.persistence.Stores;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Audits of real MapDB stores, clean and damaged through the store's own API. */
class StoreAuditIT {
    @TempDir
    Path dir;

    private AuditReport audit(List<List<Commit>> histories) {
        try (SupportStore store = Stores.openMapDb(dir)) {
            histories.forEach(h -> StoredHistories.store(store, h));
            return StoreAudit.run(store, Lifecycle.standard(), done -> { });
        }
    }

    @Test
    void aCleanStoreIsReportedClean() {
        AuditReport report = audit(List.of(StoredHistories.served("o1", "a1"), StoredHistories.served("o2", "a2")));

        assertThat(report.findings()).isEmpty();
        assertThat(report.sessions()).isEqualTo(2);
        assertThat(report.ok()).isTrue();
    }

    @Test
    void aJournalEntryDeletedIsFound() {
        // o2's first entry (open) deleted; the others renumbered 1 and 2 so that the store takes them
        List<Commit> served = StoredHistories.served("o2", "a1");
        AuditReport report = audit(List.of(StoredHistories.served("o1", "a1"),
                List.of(renumbered(served.get(1), 1), renumbered(served.get(2), 2))));

        assertThat(report.findings()).extracting(AuditReport.Finding::orderId).containsOnly("o2");
        assertThat(report.findings()).extracting(AuditReport.Finding::kind).contains("P4", "P5");
        assertThat(report.findings().get(0).detail())
                .isEqualTo("journal entry 1 starts in ASSIGNED, not in NONE, the initial state (an entry is missing)");
    }

    @Test
    void aSessionRecordEditedSoThatItNoLongerEqualsItsReplayIsFound() {
        List<Commit> edited = StoredHistories.with(StoredHistories.served("o3", "a1"), 2, c -> new Commit(
                c.expectedVersion(), edited(c.session()), c.entry(), c.assignments()));

        AuditReport report = audit(List.of(edited));

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo("o3");
            assertThat(f.kind()).isEqualTo("P5");
            assertThat(f.detail()).startsWith("the record differs from its replay");
        });
    }

    @Test
    void anActiveAssignmentLeftOnAClosedSessionIsFound() {
        List<Commit> leftActive = StoredHistories.with(StoredHistories.served("o4", "a1"), 2, c -> new Commit(
                c.expectedVersion(), c.session(), c.entry(), List.of()));

        AuditReport report = audit(List.of(leftActive));

        assertThat(report.findings()).extracting(AuditReport.Finding::kind).containsExactly("P5", "P1", "P2");
        assertThat(report.findings().get(2).detail()).isEqualTo("in CLOSED (final) with an ACTIVE assignment of a1");
    }

    @Test
    void aRowTheLifecycleNoLongerHasIsReported() {
        Lifecycle narrower = Lifecycle.builder("narrower").initial("NONE").state("OPEN").agentState("ASSIGNED")
                .finalState("CLOSED")
                .add(Lifecycle.standard().transitions().get(0))
                .add(Lifecycle.standard().transitions().get(1))
                .build();
        try (SupportStore store = Stores.openMapDb(dir)) {
            StoredHistories.store(store, StoredHistories.served("o5", "a1"));

            AuditReport report = StoreAudit.run(store, narrower, done -> { });

            assertThat(report.findings()).extracting(AuditReport.Finding::kind).contains("row");
            assertThat(report.findings()).filteredOn(f -> f.kind().equals("row")).first()
                    .satisfies(f -> assertThat(f.detail()).startsWith("journal entry 2 used ASSIGNED --update--> "));
        }
    }

    private static Commit renumbered(Commit c, long version) {
        Session s = c.session();
        JournalEntry e = c.entry();
        return new Commit(version - 1, new Session(s.orderId(), s.state(), version, s.details(), s.agent(),
                s.openedAt(), s.updatedAt(), s.closedAt(), s.idleDeadline()), new JournalEntry(e.orderId(), version,
                e.event(), e.from(), e.to(), e.effects(), e.actor(), e.at(), e.body(), e.agent()), c.assignments());
    }

    /** The session as if its record had been edited: its last update an hour later than the journal says. */
    private static Session edited(Session s) {
        return new Session(s.orderId(), s.state(), s.version(), s.details(), s.agent(), s.openedAt(),
                s.updatedAt().plusSeconds(3600), s.closedAt(), s.idleDeadline());
    }
}
