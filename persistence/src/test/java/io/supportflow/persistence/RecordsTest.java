package io.supportflow.persistence;

import io.supportflow.persistence.internal.Records;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Contact;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Person;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins format 1 byte for byte: a change here breaks every stored file, so it must come with a new format version. */
class RecordsTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Agent AGENT = new Agent("a-7", Person.named("Ana"), new Contact("+1", null), null, "4.5");
    private static final Support BODY = new Support(Descriptor.named("Broken phone"), "o-1", "+49",
            new Chat("https://chat", "c1"), null, null);

    static final Session SESSION = new Session("o-1", "ASSIGNED", 2, BODY, AGENT, T0, T0.plusSeconds(60), null,
            T0.plusSeconds(1860));
    static final JournalEntry ENTRY = new JournalEntry("o-1", 2, "assign", "OPEN", "ASSIGNED", List.of(Effect.ASSIGN),
            Actor.SUPERVISOR, T0.plusSeconds(60), null, AGENT);
    static final Assignment ASSIGNMENT = Assignment.started("o-1", "a-7", 2, T0.plusSeconds(60))
            .ended(Assignment.EndReason.SESSION_CLOSED, T0.plusSeconds(120).plusNanos(5));
    static final AgentProfile PROFILE = new AgentProfile("a-7", 3, true, AGENT);

    static final String SESSION_HEX = "0153046f2d310941535349474e454402010d42726f6b656e2070686f6e65000000000000"
            + "046f2d31042b3439010d68747470733a2f2f6368617403633100000104612d3701000004"
            + "416e610000000000000001032b31000004342e3501c0ca90e30c01b8cb90e30c0001c8e7"
            + "90e30c33b89548";
    static final String ENTRY_HEX = "014a046f2d31020761737369676e054f50454e0941535349474e454401030301b8cb90e3"
            + "0c000104612d3701000004416e610000000000000001032b31000004342e35d4a609d3";
    static final String ASSIGNMENT_HEX = "0141046f2d3104612d37020301b8cb90e30c06b0cc90e30cacda7509";
    static final String PROFILE_HEX = "015004612d37040104612d3701000004416e610000000000000001032b31000004342e35"
            + "de51f275";

    @Test
    void aSessionIsWrittenAsFormatOne() {
        assertThat(hex(Records.session(SESSION))).isEqualTo(SESSION_HEX);
        assertThat(Records.session(bytes(SESSION_HEX))).isEqualTo(SESSION);
    }

    @Test
    void aJournalEntryIsWrittenAsFormatOne() {
        assertThat(hex(Records.journalEntry(ENTRY))).isEqualTo(ENTRY_HEX);
        assertThat(Records.journalEntry(bytes(ENTRY_HEX))).isEqualTo(ENTRY);
    }

    @Test
    void anAssignmentIsWrittenAsFormatOne() {
        assertThat(hex(Records.assignment(ASSIGNMENT))).isEqualTo(ASSIGNMENT_HEX);
        assertThat(Records.assignment(bytes(ASSIGNMENT_HEX))).isEqualTo(ASSIGNMENT);
    }

    @Test
    void anAgentProfileIsWrittenAsFormatOne() {
        assertThat(hex(Records.agentProfile(PROFILE))).isEqualTo(PROFILE_HEX);
        assertThat(Records.agentProfile(bytes(PROFILE_HEX))).isEqualTo(PROFILE);
    }

    @Test
    void aNewerFormatIsRefusedNamingTheVersionFoundAndTheOneSupported() {
        byte[] newer = Records.session(SESSION);
        newer[0] = 2;
        assertThatThrownBy(() -> Records.session(newer))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("format version 2 found")
                .hasMessageContaining("reads format version 1");
    }

    @Test
    void aRecordOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> Records.session(Records.assignment(ASSIGNMENT)))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("expected a 'S' record, found 'A'");
    }

    @Test
    void loneSurrogatesReadBackExactly() {
        Session odd = new Session("\ud800x\udc00", "OPEN", 1, Support.forOrder("\udbff"), null, T0, T0, null, null);
        assertThat(Records.session(Records.session(odd))).isEqualTo(odd);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
