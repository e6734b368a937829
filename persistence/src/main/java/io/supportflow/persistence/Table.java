package io.supportflow.persistence;

/**
 * The tables of a store, each a sorted map from a string key ({@link Keys}) to bytes. The first four hold records
 * ({@link io.supportflow.persistence.internal.Records}); the others are derived from them (indexes, outbox, counters) and are checked on open.
 * {@link #OUTBOX_ORDER} is kept in memory only and built on open from {@link #OUTBOX}: its keys only ever grow
 * (sequence numbers), and a MapDB B-tree never frees the nodes that removals empty, so on disk it would grow without
 * bound and slow every scan from its first key; it holds only undelivered entries, so it is empty when the outbox is.
 * {@link #TIMER} escapes that growth by being a timer wheel ({@link Keys#timer}): its keys lie in a fixed range of
 * slots per order, so the nodes that removals empty are filled again when deadlines come round to their slots.
 */
enum Table {
    /** orderId → session record. */
    SESSION("session", true),
    /** (orderId, version) → journal entry record. */
    JOURNAL("journal", true),
    /** (orderId, startVersion) → assignment record. */
    ASSIGNMENT("assignment", true),
    /** agentId → agent profile record. */
    AGENT("agent", true),
    /** (state, orderId) → empty. */
    BY_STATE("by-state", false),
    /** (agentId, orderId) of every session that has an agent → empty. */
    BY_AGENT("by-agent", false),
    /** (agentId, orderId, startVersion) of every ACTIVE assignment → empty; an agent's load is its count. */
    ACTIVE("active", false),
    /** journal key of an entry not yet acknowledged → its outbox sequence number (8 bytes). */
    OUTBOX("outbox", false),
    /** counters and pointers, see {@link Meta}. */
    META("meta", false),
    /** (wheel slot of the idle deadline, orderId, idle deadline) → empty; on disk since table layout 2. */
    TIMER("timer-wheel", false),
    /** outbox sequence number → journal key, the commit order of {@link #OUTBOX}; in memory. */
    OUTBOX_ORDER("outbox-order", false);

    private final String mapName;
    private final boolean holdsRecords;

    Table(String mapName, boolean holdsRecords) {
        this.mapName = mapName;
        this.holdsRecords = holdsRecords;
    }

    /** Whether a file store keeps this table in memory only, building it on open. */
    boolean inMemory() {
        return this == OUTBOX_ORDER;
    }

    /** The MapDB map name. */
    String mapName() {
        return mapName;
    }

    /** Whether values are records (stored outside the B-tree nodes in MapDB, so an update rewrites only the value). */
    boolean holdsRecords() {
        return holdsRecords;
    }
}
