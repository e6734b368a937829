package io.supportflow.persistence;

import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.States;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Assignment;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract every {@link SupportStore} passes; one subclass per implementation. */
abstract class SupportStoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    SupportStore store;
    StoreDriver driver;

    /** A new, empty store. */
    abstract SupportStore newStore();

    /**
     * Every table of {@link #store}, byte for byte (table name, then key, then value), for comparisons; this default
     * reads the tables of a store over {@link Tables}.
     */
    Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        StoreChecks.snapshot(store).forEach((table, rows) -> byName.put(table.mapName(), rows));
        return byName;
    }

    @BeforeEach
    void openStore() {
        store = newStore();
        driver = new StoreDriver(store);
        Scenario.agentProfiles().forEach(store::putAgent);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    Outcome.Accepted accepted(Command command, Instant at) {
        Outcome outcome = driver.decide(command, at);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) outcome;
    }

    Outcome.Accepted open(String order) {
        Outcome.Accepted accepted = accepted(new Command.Open(order, Support.forOrder(null), Actor.CUSTOMER), T0);
        store.commit(Commit.of(accepted));
        return accepted;
    }

    Outcome.Accepted assign(String order, String agent, Instant at) {
        Outcome.Accepted accepted = accepted(new Command.Assign(order, Scenario.agent(agent), Actor.SUPERVISOR), at);
        store.commit(Commit.of(accepted));
        return accepted;
    }

    @Test
    void anUnknownOrderHasNoSessionJournalOrAssignments() {
        assertThat(store.load("o1")).isEmpty();
        assertThat(store.journal("o1")).isEmpty();
        assertThat(store.assignments("o1")).isEmpty();
        assertThat(store.sessionCount()).isZero();
    }

    @Test
    void aCommitIsReadBackAsCommitted() {
        Outcome.Accepted opened = open("o1");
        Outcome.Accepted assigned = assign("o1", "a1", T0.plusSeconds(5));
        assertThat(store.load("o1")).contains(assigned.session());
        assertThat(store.journal("o1")).containsExactly(opened.entry(), assigned.entry());
        assertThat(store.assignments("o1")).isEqualTo(assigned.assignments());
        assertThat(store.sessionCount()).isEqualTo(1);
    }

    @Test
    void aStaleCommitIsRefusedNamingBothVersions() {
        Outcome.Accepted opened = open("o1");
        assertThatThrownBy(() -> store.commit(Commit.of(opened)))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.orderId()).isEqualTo("o1");
                    assertThat(e.expected()).isZero();
                    assertThat(e.actual()).isEqualTo(1);
                });
    }

    @Test
    void aRefusedCommitChangesNoTableByteForByte() {
        open("o1");
        Outcome.Accepted assigned = accepted(new Command.Assign("o1", Scenario.agent("a2"), Actor.SUPERVISOR), T0);
        assign("o1", "a1", T0.plusSeconds(1));
        var before = snapshot();
        assertThatThrownBy(() -> store.commit(Commit.of(assigned))).isInstanceOf(StaleVersionException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void commitAllStoresTheCurrentCommitsAndRefusesTheStaleOneAlone() {
        Outcome.Accepted first = open("o1");
        Outcome.Accepted o2 = accepted(new Command.Open("o2", Support.forOrder(null), Actor.CUSTOMER), T0);
        Outcome.Accepted o3 = accepted(new Command.Open("o3", Support.forOrder(null), Actor.CUSTOMER), T0);
        List<StaleVersionException> results = store.commitAll(List.of(Commit.of(o2), Commit.of(first),
                Commit.of(o3)));
        assertThat(results.get(0)).isNull();
        assertThat(results.get(1)).isInstanceOf(StaleVersionException.class);
        assertThat(results.get(2)).isNull();
        assertThat(store.load("o2")).contains(o2.session());
        assertThat(store.load("o3")).contains(o3.session());
        assertThat(store.journal("o1")).containsExactly(first.entry());
        assertThat(store.sessionCount()).isEqualTo(3);
        assertThat(store.pendingOutbox(10)).containsExactly(first.entry(), o2.entry(), o3.entry());
    }

    @Test
    void commitAllAppliesInOrderSoALaterCommitMayBuildOnAnEarlierOne() {
        Outcome.Accepted opened = accepted(new Command.Open("o1", Support.forOrder(null), Actor.CUSTOMER), T0);
        Session afterOpen = opened.session();
        Outcome.Accepted closed = (Outcome.Accepted) io.supportflow.spec.model.Semantics.step(Scenario.LIFECYCLE,
                afterOpen, new Command.Close("o1", Actor.AGENT), Stores.world(store), T0.plusSeconds(1));
        assertThat(store.commitAll(List.of(Commit.of(opened), Commit.of(closed)))).containsOnlyNulls();
        assertThat(store.load("o1")).contains(closed.session());
        assertThat(store.ordersInState(States.CLOSED)).containsExactly("o1");
        assertThat(store.ordersInState(States.OPEN)).isEmpty();
    }

    @Test
    void anEmptyCommitAllStoresNothing() {
        var before = snapshot();
        assertThat(store.commitAll(List.of())).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aCommitThatWouldTakeAnAgentAboveItsCapacityIsRefusedAndWritesNothing() {
        open("o1");
        open("o2");
        Outcome.Accepted decidedOnAnOldLoad = accepted(new Command.Assign("o2", Scenario.agent("a1"),
                Actor.SUPERVISOR), T0.plusSeconds(1));
        assign("o1", "a1", T0.plusSeconds(1));
        var before = snapshot();
        assertThatThrownBy(() -> store.commit(Commit.of(decidedOnAnOldLoad).withCapacities(Map.of("a1", 1))))
                .isInstanceOf(StaleVersionException.class).hasMessageContaining("capacity of 1");
        assertThat(snapshot()).isEqualTo(before);
        store.commit(Commit.of(decidedOnAnOldLoad).withCapacities(Map.of("a1", 2)));
        assertThat(store.agentLoad("a1")).isEqualTo(2);
    }

    @Test
    void commitAllChecksEachCapacityOnTopOfTheOtherCommitsOfTheBatchStoredBeforeIt() {
        open("o1");
        open("o2");
        Outcome.Accepted first = accepted(new Command.Assign("o1", Scenario.agent("a1"), Actor.SUPERVISOR), T0);
        Outcome.Accepted second = accepted(new Command.Assign("o2", Scenario.agent("a1"), Actor.SUPERVISOR), T0);
        List<StaleVersionException> results = store.commitAll(List.of(
                Commit.of(first).withCapacities(Map.of("a1", 1)), Commit.of(second).withCapacities(Map.of("a1", 1))));
        assertThat(results).filteredOn(Objects::isNull).hasSize(1);
        assertThat(store.ordersWithAgent("a1")).hasSize(1);
        assertThat(store.agentLoad("a1")).isEqualTo(1);
        assertThat(store.journal("o1").size() + store.journal("o2").size()).isEqualTo(3);
    }

    @Test
    void theStateAndAgentIndexesFollowTheSessions() {
        open("o1");
        open("o2");
        open("o3");
        assign("o1", "a1", T0.plusSeconds(1));
        assign("o3", "a1", T0.plusSeconds(2));
        assign("o3", "a2", T0.plusSeconds(3));
        assertThat(store.ordersInState(States.OPEN)).containsExactly("o2");
        assertThat(store.ordersInState(States.ASSIGNED)).containsExactly("o1", "o3");
        assertThat(store.ordersWithAgent("a1")).containsExactly("o1");
        assertThat(store.ordersWithAgent("a2")).containsExactly("o3");
        assertThat(store.agentLoad("a1")).isEqualTo(1);
        assertThat(store.agentLoad("a2")).isEqualTo(1);
        assertThat(store.agentLoad("a3")).isZero();
        assertThat(store.assignments("o3")).extracting(Assignment::status)
                .containsExactly(Assignment.Status.ENDED, Assignment.Status.ACTIVE);
    }

    @Test
    void theLastAssignedAgentIsTheAgentOfTheMostRecentlyStartedAssignment() {
        assertThat(store.lastAssignedAgent()).isEmpty();
        open("o1");
        open("o2");
        assign("o1", "a2", T0.plusSeconds(1));
        assign("o2", "a3", T0.plusSeconds(2));
        assertThat(store.lastAssignedAgent()).contains("a3");
        store.commit(Commit.of(accepted(new Command.Unassign("o2", Actor.SUPERVISOR), T0.plusSeconds(3))));
        assertThat(store.lastAssignedAgent()).contains("a3");
    }

    @Test
    void oneOwnerClaimingDueTimersGetsTheDueOnesInDeadlineOrderUpToTheLimit() {
        open("o2");
        store.commit(Commit.of(accepted(new Command.Open("o1", Support.forOrder(null), Actor.CUSTOMER),
                T0.plusSeconds(60))));
        Instant o2Deadline = store.load("o2").orElseThrow().idleDeadline();
        Duration lease = Duration.ofMinutes(1);
        assertThat(store.claimDueTimers("me", o2Deadline.minusNanos(1), lease, 10)).isEmpty();
        assertThat(store.claimDueTimers("me", Instant.MAX, lease, 1)).containsExactly("o2");
        assertThat(store.claimDueTimers("me", Instant.MAX, lease, 10)).containsExactly("o2", "o1");
    }

    @Test
    void timersAreDueAtTheirDeadlineInDeadlineOrderAndDisarmedOnClose() {
        open("o2");
        Instant later = T0.plusSeconds(60);
        store.commit(Commit.of(accepted(new Command.Open("o1", Support.forOrder(null), Actor.CUSTOMER), later)));
        Instant o2Deadline = store.load("o2").orElseThrow().idleDeadline();
        assertThat(o2Deadline).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(store.nextDeadline()).contains(o2Deadline);
        assertThat(store.dueTimers(o2Deadline.minusNanos(1))).isEmpty();
        assertThat(store.dueTimers(o2Deadline)).containsExactly("o2");
        assertThat(store.dueTimers(Instant.MAX)).containsExactly("o2", "o1");
        store.commit(Commit.of(accepted(new Command.Close("o2", Actor.AGENT), T0.plusSeconds(120))));
        assertThat(store.dueTimers(Instant.MAX)).containsExactly("o1");
        assertThat(store.nextDeadline()).contains(later.plus(Duration.ofMinutes(30)));
    }

    @Test
    void anIdleTimeoutClosesTheSessionAndEndsItsAssignment() {
        open("o1");
        assign("o1", "a1", T0.plusSeconds(1));
        List<Outcome> fired = driver.fireDueTimers(T0.plus(Duration.ofHours(1)));
        assertThat(fired).singleElement().isInstanceOf(Outcome.Accepted.class);
        assertThat(store.load("o1").orElseThrow().state()).isEqualTo(States.CLOSED);
        assertThat(store.agentLoad("a1")).isZero();
        assertThat(store.assignments("o1")).singleElement()
                .extracting(Assignment::endReason).isEqualTo(Assignment.EndReason.EXPIRED);
        assertThat(store.nextDeadline()).isEmpty();
    }

    @Test
    void theOutboxListsEntriesInCommitOrderUntilAcknowledged() {
        JournalEntry first = open("o2").entry();
        JournalEntry second = open("o1").entry();
        JournalEntry third = assign("o2", "a1", T0.plusSeconds(1)).entry();
        assertThat(store.pendingOutbox(10)).containsExactly(first, second, third);
        assertThat(store.pendingOutbox(2)).containsExactly(first, second);
        store.acknowledge("o1", 1);
        assertThat(store.pendingOutbox(10)).containsExactly(first, third);
        store.acknowledgeAll(List.of(SupportStore.EntryId.of(first), SupportStore.EntryId.of(third)));
        assertThat(store.pendingOutbox(10)).isEmpty();
        assertThat(store.journal("o2")).containsExactly(first, third);
    }

    @Test
    void acknowledgingAnUnknownOrAlreadyAcknowledgedEntryChangesNothing() {
        open("o1");
        store.acknowledge("o1", 1);
        var before = snapshot();
        store.acknowledge("o1", 1);
        store.acknowledge("nope", 7);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void agentsAreRegisteredAndReplacedInAgentIdOrder() {
        AgentProfile busy = new AgentProfile("a2", 2, false, Scenario.agent("a2"));
        store.putAgent(busy);
        assertThat(store.agent("a2")).contains(busy);
        assertThat(store.agent("zz")).isEmpty();
        assertThat(store.agents()).extracting(AgentProfile::agentId).containsExactly("a1", "a2", "a3");
    }

    /** Order ids the GovStack validation would refuse still must not collide in the store's keys. */
    @Test
    void orderIdsThatShareAPrefixOrHoldSeparatorCharactersStayApart() {
        List<String> orders = List.of("a", "a\0", "a\0b", "a\1", "a\1\1", "ab", "");
        orders.forEach(order -> store.commit(openedByHand(order)));
        Session assigned = new Session("a\0", States.ASSIGNED, 2, Support.forOrder(null), Scenario.agent("a1"), T0,
                T0, null, null);
        store.commit(new Commit(1, assigned, new JournalEntry("a\0", 2, "assign", States.OPEN, States.ASSIGNED,
                List.of(Effect.ASSIGN), Actor.SUPERVISOR, T0, null, Scenario.agent("a1")),
                List.of(Assignment.started("a\0", "a1", 2, T0))));
        for (String order : orders) {
            assertThat(store.journal(order)).as("journal of %s", order).last()
                    .extracting(JournalEntry::orderId).isEqualTo(order);
        }
        assertThat(store.assignments("a")).isEmpty();
        assertThat(store.assignments("a\0")).hasSize(1);
        assertThat(store.ordersInState(States.OPEN)).containsExactly("", "a", "a\0b", "a\1", "a\1\1", "ab");
        assertThat(store.ordersWithAgent("a1")).containsExactly("a\0");
        assertThat(store.agentLoad("a1")).isEqualTo(1);
    }

    @Test
    void pagesOfAStateListItsOrdersInIdOrderEachOnce() {
        List<String> orders = new ArrayList<>(List.of("", "a", "a\0", "a\0b", "a\1", "ab"));
        for (int i = 0; i < 20; i++) {
            orders.add("o" + i);
        }
        store.commitAll(orders.stream().map(SupportStoreContract::openedByHand).toList());

        List<List<String>> pages = walk(after -> store.ordersInState(States.OPEN, after, 4));

        assertThat(pages).hasSize(7).allSatisfy(page -> assertThat(page).hasSizeBetween(1, 4));
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(store.ordersInState(States.OPEN));
        assertThat(store.ordersInState(States.CLOSED, null, 4)).isEmpty();
        assertThat(store.ordersInState(States.OPEN, "o9", 4)).isEmpty();
    }

    @Test
    void pagesOfAnAgentListItsCurrentOrdersInIdOrder() {
        for (String order : List.of("o1", "o2", "o3", "o4", "o5")) {
            open(order);
        }
        assign("o4", "a1", T0.plusSeconds(1));
        assign("o2", "a1", T0.plusSeconds(2));
        assign("o5", "a2", T0.plusSeconds(3));
        assign("o1", "a1", T0.plusSeconds(4));

        assertThat(walk(after -> store.ordersWithAgent("a1", after, 2)))
                .containsExactly(List.of("o1", "o2"), List.of("o4"));
        assertThat(store.ordersWithAgent("a2", "o1", 10)).containsExactly("o5");
        assertThat(store.ordersWithAgent("a3", null, 10)).isEmpty();
    }

    @Test
    void pagesOfAJournalListItsEntriesAfterTheGivenVersionInVersionOrder() {
        open("o1");
        for (int i = 1; i <= 4; i++) {
            assign("o1", i % 2 == 0 ? "a1" : "a2", T0.plusSeconds(i));
        }
        List<JournalEntry> journal = store.journal("o1");
        assertThat(journal).hasSize(5);

        assertThat(store.journal("o1", 0, 2)).isEqualTo(journal.subList(0, 2));
        assertThat(store.journal("o1", 2, 2)).isEqualTo(journal.subList(2, 4));
        assertThat(store.journal("o1", 4, 2)).isEqualTo(journal.subList(4, 5));
        assertThat(store.journal("o1", 5, 2)).isEmpty();
        assertThat(store.journal("o1", Long.MAX_VALUE, 2)).isEmpty();
        assertThat(store.journal("o2", 0, 2)).isEmpty();
    }

    @Test
    void aPageOfNoItemsOrBeforeVersionZeroIsRefused() {
        assertThatThrownBy(() -> store.ordersInState(States.OPEN, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.ordersWithAgent("a1", null, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.journal("o1", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.journal("o1", -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Between every two pages some orders leave the state and new ones enter it, before and after the walk's
     * position: the orders in the state for the whole walk are listed exactly once, in id order, and only orders that were
     * in the state at some time are listed.
     */
    @Test
    void aWalkWhileOrdersChangeListsEveryOrderThatStaysExactlyOnce() {
        List<String> initial = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            initial.add(String.format("o%04d", i * 2));
        }
        store.commitAll(initial.stream().map(SupportStoreContract::openedByHand).toList());
        Random random = new Random(7);
        List<String> closed = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<String> page = store.ordersInState(States.OPEN, null, 25);
        for (int round = 0; !page.isEmpty(); round++) {
            listed.addAll(page);
            for (int i = 0; i < 5; i++) {
                String victim = initial.get(random.nextInt(initial.size()));
                if (!closed.contains(victim)) {
                    store.commit(Commit.of(accepted(new Command.Close(victim, Actor.AGENT), T0.plusSeconds(round))));
                    closed.add(victim);
                }
                String newcomer = String.format("o%04d-%d-%d", random.nextInt(300) * 2 + 1, round, i);
                store.commit(openedByHand(newcomer));
                opened.add(newcomer);
            }
            page = store.ordersInState(States.OPEN, page.get(page.size() - 1), 25);
        }

        List<String> stayed = initial.stream().filter(order -> !closed.contains(order)).toList();
        assertThat(listed).doesNotHaveDuplicates().isSorted().containsAll(stayed);
        assertThat(initial.size() + opened.size()).isGreaterThan(listed.size());
        assertThat(opened).containsAll(listed.stream().filter(order -> !initial.contains(order)).toList());
        assertThat(closed).isNotEmpty();
    }

    /** The pages of a walk: each starts after the last id of the previous one; the walk ends at an empty page. */
    private static List<List<String>> walk(java.util.function.Function<String, List<String>> page) {
        List<List<String>> pages = new ArrayList<>();
        List<String> next = page.apply(null);
        while (!next.isEmpty()) {
            pages.add(next);
            next = page.apply(next.get(next.size() - 1));
        }
        return pages;
    }

    static Commit openedByHand(String order) {
        Session session = new Session(order, States.OPEN, 1, Support.forOrder(null), null, T0, T0, null, null);
        return new Commit(0, session, new JournalEntry(order, 1, "open", States.NONE, States.OPEN,
                List.of(Effect.OPEN), Actor.CUSTOMER, T0, Support.forOrder(null), null), List.of());
    }

    @Test
    void aLongRandomTrafficKeepsP4AndP5AndEveryIndex() {
        Random random = new Random(42);
        List<String> orders = List.of("o1", "o2", "o3", "o4");
        Instant now = T0;
        for (int i = 0; i < 150; i++) {
            now = now.plus(Duration.ofMinutes(random.nextInt(8)));
            driver.fireDueTimers(now);
            driver.apply(Scenario.command(random, orders), now);
        }
        StoreChecks.assertConsistent(store, orders);
        assertThat(orders.stream().mapToLong(o -> store.journal(o).size()).sum()).as("accepted commands")
                .isGreaterThan(40);
        assertThat(store.assignments("o1")).isNotEmpty();
    }

    @Test
    void compactingChangesNoTableByteForByte() {
        Random random = new Random(5);
        List<String> orders = List.of("o1", "o2", "o3");
        for (int i = 0; i < 60; i++) {
            driver.apply(Scenario.command(random, orders), T0.plusSeconds(i));
        }
        store.acknowledgeAll(store.pendingOutbox(30).stream().map(SupportStore.EntryId::of).toList());
        var before = snapshot();
        Optional.ofNullable(before.get(Table.META.mapName())).ifPresent(meta -> meta.remove(Meta.REMOVALS));
        store.compact();
        assertThat(snapshot()).isEqualTo(before);
        StoreChecks.assertConsistent(store, orders);
    }

    @Test
    void everyMethodButCloseThrowsAfterCloseAndCloseIsIdempotent() {
        store.close();
        store.close();
        List<Runnable> calls = new ArrayList<>(List.of(() -> store.load("o1"), () -> store.journal("o1"),
                () -> store.sessionCount(), () -> store.pendingOutbox(1), () -> store.agents(),
                () -> store.dueTimers(T0), () -> store.acknowledge("o1", 1),
                () -> store.putAgent(Scenario.agentProfiles().get(0))));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class);
        }
    }
}
