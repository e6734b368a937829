package io.supportflow.persistence;

import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Replayed;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions over a whole store: P4–P5 per order and every index against the records. */
final class StoreChecks {

    private StoreChecks() {
    }

    /** Checks every order of {@code orders}, which must be all the orders the store has ever seen. */
    static void assertConsistent(SupportStore store, Collection<String> orders) {
        Map<String, Integer> loads = new TreeMap<>();
        long sessions = 0;
        for (String order : orders) {
            Session session = store.load(order).orElse(null);
            if (session == null) {
                assertThat(store.journal(order)).as("journal of %s without session", order).isEmpty();
                continue;
            }
            sessions++;
            assertJournalReproduces(store, session);
            assertIndexed(store, session);
            store.assignments(order).stream().filter(Assignment::active)
                    .forEach(a -> loads.merge(a.agentId(), 1, Integer::sum));
        }
        assertThat(store.sessionCount()).isEqualTo(sessions);
        for (String agent : Scenario.AGENTS) {
            assertThat(store.agentLoad(agent)).as("load of %s", agent).isEqualTo(loads.getOrDefault(agent, 0));
        }
        for (String state : List.of(States.OPEN, States.ASSIGNED, States.CLOSED)) {
            assertThat(store.ordersInState(state)).allSatisfy(order ->
                    assertThat(store.load(order).orElseThrow().state()).isEqualTo(state));
        }
    }

    /** P4 (one entry per version, consecutive) and P5 (replaying the journal reproduces the records). */
    static void assertJournalReproduces(SupportStore store, Session session) {
        List<JournalEntry> journal = store.journal(session.orderId());
        assertThat(journal).extracting(JournalEntry::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, session.version()).boxed().toList());
        Replayed replayed = Semantics.replay(Scenario.LIFECYCLE, journal);
        assertThat(replayed.session()).as("P5 replay of %s", session.orderId()).isEqualTo(session);
        assertThat(replayed.assignments()).isEqualTo(store.assignments(session.orderId()));
    }

    private static void assertIndexed(SupportStore store, Session session) {
        String order = session.orderId();
        assertThat(store.ordersInState(session.state())).contains(order);
        if (session.agent() != null) {
            assertThat(store.ordersWithAgent(session.agent().id())).contains(order);
        }
        Scenario.AGENTS.stream().filter(a -> session.agent() == null || !a.equals(session.agent().id()))
                .forEach(a -> assertThat(store.ordersWithAgent(a)).doesNotContain(order));
        if (session.idleDeadline() != null) {
            assertThat(store.dueTimers(session.idleDeadline())).contains(order);
            assertThat(store.dueTimers(session.idleDeadline().minusNanos(1))).doesNotContain(order);
        } else {
            assertThat(store.dueTimers(Instant.MAX)).doesNotContain(order);
        }
    }

    /** Every table of the store, values in hex, for byte-for-byte comparisons. */
    static Map<Table, Map<String, String>> snapshot(SupportStore store) {
        Tables tables = ((TableStore) store).tables();
        Map<Table, Map<String, String>> snapshot = new EnumMap<>(Table.class);
        for (Table table : Table.values()) {
            Map<String, String> copy = new TreeMap<>();
            tables.read(table).forEach((key, value) -> copy.put(key, HexFormat.of().formatHex(value)));
            snapshot.put(table, copy);
        }
        return snapshot;
    }
}
