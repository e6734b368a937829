package io.supportflow.persistence.internal;

import io.supportflow.persistence.RecordFormatException;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Record format 1: {@code [format version = 1][kind][fields...][CRC-32C of everything before, big-endian]}.
 * Kinds: {@code S} session, {@code J} journal entry, {@code A} assignment, {@code P} agent profile. Fields are
 * written in the order of the record's components; the primitives are described in the README ("Record format").
 * Enum values are written as fixed codes (below), never as ordinals, so reordering an enum cannot change a file.
 * Public for the store implementations in other modules (one codec for every store); not an API for users.
 * A read of malformed bytes throws {@link RecordFormatException}.
 */
public final class Records {
    public static final int FORMAT_VERSION = 1;
    private static final int SESSION = 'S';
    private static final int JOURNAL = 'J';
    private static final int ASSIGNMENT = 'A';
    private static final int AGENT = 'P';
    private static final int OVERHEAD = 2 + 4;

    private static final List<Actor> ACTOR_CODES =
            List.of(Actor.CUSTOMER, Actor.AGENT, Actor.SUPERVISOR, Actor.SYSTEM);
    private static final List<Effect> EFFECT_CODES =
            List.of(Effect.OPEN, Effect.UPDATE, Effect.ASSIGN, Effect.UPDATE_AGENT, Effect.RELEASE);
    private static final List<Assignment.EndReason> END_CODES = List.of(Assignment.EndReason.REMOVED,
            Assignment.EndReason.REASSIGNED, Assignment.EndReason.SESSION_CLOSED, Assignment.EndReason.EXPIRED);

    private Records() {
    }

    public static byte[] session(Session s) {
        return frame(SESSION, w -> {
            w.string(s.orderId());
            w.string(s.state());
            w.varint(s.version());
            SupportCodec.support(w, s.details());
            w.optional(s.agent(), AgentCodec::agent);
            w.instant(s.openedAt());
            w.instant(s.updatedAt());
            w.instant(s.closedAt());
            w.instant(s.idleDeadline());
        });
    }

    public static Session session(byte[] bytes) {
        return unframe(bytes, SESSION, r -> new Session(r.requiredString("orderId"), r.requiredString("state"),
                r.varint(), SupportCodec.support(r), r.optional(AgentCodec::agent), r.requiredInstant("openedAt"),
                r.requiredInstant("updatedAt"), r.instant(), r.instant()));
    }

    public static byte[] journalEntry(JournalEntry e) {
        return frame(JOURNAL, w -> {
            w.string(e.orderId());
            w.varint(e.version());
            w.string(e.event());
            w.string(e.from());
            w.string(e.to());
            w.list(e.effects(), (o, effect) -> o.u8(code(EFFECT_CODES, effect)));
            w.u8(code(ACTOR_CODES, e.actor()));
            w.instant(e.at());
            w.optional(e.body(), SupportCodec::support);
            w.optional(e.agent(), AgentCodec::agent);
        });
    }

    public static JournalEntry journalEntry(byte[] bytes) {
        return unframe(bytes, JOURNAL, r -> new JournalEntry(r.requiredString("orderId"), r.varint(),
                r.requiredString("event"), r.requiredString("from"), r.requiredString("to"),
                r.list(o -> byCode(EFFECT_CODES, o.u8(), "effect")), byCode(ACTOR_CODES, r.u8(), "actor"),
                r.requiredInstant("at"), r.optional(SupportCodec::support), r.optional(AgentCodec::agent)));
    }

    /** The end reason is written as code 0 while ACTIVE, so the status needs no field of its own. */
    public static byte[] assignment(Assignment a) {
        return frame(ASSIGNMENT, w -> {
            w.string(a.orderId());
            w.string(a.agentId());
            w.varint(a.startVersion());
            w.u8(a.endReason() == null ? 0 : code(END_CODES, a.endReason()));
            w.instant(a.startedAt());
            w.instant(a.endedAt());
        });
    }

    public static Assignment assignment(byte[] bytes) {
        return unframe(bytes, ASSIGNMENT, r -> {
            String orderId = r.requiredString("orderId");
            String agentId = r.requiredString("agentId");
            long startVersion = r.varint();
            int end = r.u8();
            Assignment.EndReason reason = end == 0 ? null : byCode(END_CODES, end, "end reason");
            Assignment.Status status = reason == null ? Assignment.Status.ACTIVE : Assignment.Status.ENDED;
            return new Assignment(orderId, agentId, startVersion, status, reason, r.requiredInstant("startedAt"),
                    r.instant());
        });
    }

    /** Capacity is written as varint(capacity + 1), 0 for none. */
    public static byte[] agentProfile(AgentProfile p) {
        return frame(AGENT, w -> {
            w.string(p.agentId());
            w.varint(p.capacity() == null ? 0 : p.capacity() + 1L);
            w.bool(p.available());
            AgentCodec.agent(w, p.agent());
        });
    }

    public static AgentProfile agentProfile(byte[] bytes) {
        return unframe(bytes, AGENT, r -> {
            String agentId = r.requiredString("agentId");
            int capacityPlusOne = r.varintAsInt();
            return new AgentProfile(agentId, capacityPlusOne == 0 ? null : capacityPlusOne - 1, r.bool(),
                    AgentCodec.agent(r));
        });
    }

    private static byte[] frame(int kind, Consumer<RecordWriter> body) {
        RecordWriter w = new RecordWriter();
        w.u8(FORMAT_VERSION);
        w.u8(kind);
        body.accept(w);
        CRC32C crc = new CRC32C();
        crc.update(w.buffer(), 0, w.size());
        byte[] checksum = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
        w.raw(checksum, 0, 4);
        return w.bytes();
    }

    private static <T> T unframe(byte[] bytes, int kind, Function<RecordReader, T> body) {
        if (bytes.length == 0) {
            throw RecordFormatException.corrupt("empty");
        }
        if (bytes[0] != FORMAT_VERSION) {
            throw RecordFormatException.unsupportedVersion(bytes[0] & 0xFF);
        }
        if (bytes.length < OVERHEAD) {
            throw RecordFormatException.corrupt("only " + bytes.length + " bytes");
        }
        int payloadEnd = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, payloadEnd);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, payloadEnd, 4).getInt()) {
            throw RecordFormatException.corrupt("checksum mismatch");
        }
        if (bytes[1] != kind) {
            throw RecordFormatException.corrupt("expected a '" + (char) kind + "' record, found '" + (char) bytes[1] + "'");
        }
        RecordReader r = new RecordReader(bytes, 2, payloadEnd);
        T value = read(r, body);
        r.expectEnd();
        return value;
    }

    private static <T> T read(RecordReader r, Function<RecordReader, T> body) {
        try {
            return body.apply(r);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RecordFormatException.corrupt("invalid value: " + e.getMessage());
        }
    }

    private static <T> int code(List<T> codes, T value) {
        int index = codes.indexOf(value);
        if (index < 0) {
            throw new IllegalStateException("record format " + FORMAT_VERSION + " has no code for " + value);
        }
        return index + 1;
    }

    private static <T> T byCode(List<T> codes, int code, String what) {
        if (code < 1 || code > codes.size()) {
            throw RecordFormatException.corrupt("unknown " + what + " code " + code);
        }
        return codes.get(code - 1);
    }
}
