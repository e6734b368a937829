package io.supportflow.persistence;

/**
 * The tables of a store, each a sorted map from a string key ({@link Keys}) to bytes. The first four hold records
 * ({@link Records}); the others are derived from them (indexes, outbox, counters) and are checked on open.
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
    /** (idle deadline, orderId) → empty. */
    TIMER("timer", false),
    /** sequence number → journal key of an entry not yet acknowledged. */
    OUTBOX("outbox", false),
    /** journal key → its outbox sequence number (8 bytes). */
    OUTBOX_SEQ("outbox-seq", false),
    /** counters and pointers, see {@link Meta}. */
    META("meta", false);

    private final String mapName;
    private final boolean holdsRecords;

    Table(String mapName, boolean holdsRecords) {
        this.mapName = mapName;
        this.holdsRecords = holdsRecords;
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
