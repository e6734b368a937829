package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsProperties {

    @Property(tries = 100)
    void aSessionReadsBackEqual(@ForAll("sessions") Session session) {
        assertThat(Records.session(Records.session(session))).isEqualTo(session);
    }

    @Property(tries = 100)
    void aJournalEntryReadsBackEqual(@ForAll("entries") JournalEntry entry) {
        assertThat(Records.journalEntry(Records.journalEntry(entry))).isEqualTo(entry);
    }

    @Property(tries = 100)
    void anAssignmentReadsBackEqual(@ForAll("assignments") Assignment assignment) {
        assertThat(Records.assignment(Records.assignment(assignment))).isEqualTo(assignment);
    }

    @Property(tries = 100)
    void anAgentProfileReadsBackEqual(@ForAll("profiles") AgentProfile profile) {
        assertThat(Records.agentProfile(Records.agentProfile(profile))).isEqualTo(profile);
    }

    @Property(tries = 100)
    void anyDamagedByteIsDetected(@ForAll("sessions") Session session, @ForAll long seed) {
        byte[] bytes = Records.session(session);
        int index = 1 + (int) Math.floorMod(seed, (long) bytes.length - 1);
        bytes[index] ^= (byte) (1 + Math.floorMod(seed >> 32, 255));
        assertThatThrownBy(() -> Records.session(bytes)).isInstanceOf(RecordFormatException.class);
    }

    @Property(tries = 100)
    void aTruncatedRecordIsDetected(@ForAll("entries") JournalEntry entry, @ForAll long seed) {
        byte[] bytes = Records.journalEntry(entry);
        byte[] cut = java.util.Arrays.copyOf(bytes, (int) Math.floorMod(seed, (long) bytes.length));
        assertThatThrownBy(() -> Records.journalEntry(cut)).isInstanceOf(RecordFormatException.class);
    }

    @Provide
    Arbitrary<Session> sessions() {
        return Values.session();
    }

    @Provide
    Arbitrary<JournalEntry> entries() {
        return Values.journalEntry();
    }

    @Provide
    Arbitrary<Assignment> assignments() {
        return Values.assignment();
    }

    @Provide
    Arbitrary<AgentProfile> profiles() {
        return Values.agentProfile();
    }
}
