package io.supportflow.persistence;

import io.supportflow.postgres.PostgresServer;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the PostgreSQL store adds to the contract: migrations, several stores on one database, damage. */
class PostgresStoreTest {
    private static final Instant T0 = SupportStoreContract.T0;

    @Test
    void storesOpeningOneDatabaseAtOnceApplyEachMigrationOnce() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SupportStore>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(threads.submit((Callable<SupportStore>) () -> Stores.openPostgres(url)));
            }
            for (Future<SupportStore> store : opened) {
                store.get().close();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(query(url, "SELECT version, file FROM sf_schema_version")).containsExactly("1 V1__schema.sql", "2 V2__outbox_lease.sql",
                "3 V3__command_ids.sql", "4 V4__timer_claims.sql");
    }

    @Test
    void aDatabaseWithANewerSchemaIsRefusedNamingBothVersions() throws SQLException {
        String url = PostgresServer.shared().newDatabase();
        Stores.openPostgres(url).close();
        execute(url, "INSERT INTO sf_schema_version (version, file) VALUES (99, 'V99__future.sql')");
        assertThatThrownBy(() -> Stores.openPostgres(url)).isInstanceOf(StoreOpenException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("up to 4");
    }

    @Test
    void twoStoresOnOneDatabaseSeeEachOthersCommitsAndTheLaterOfTwoRacingCommitsIsRefused() {
        String url = PostgresServer.shared().newDatabase();
        try (SupportStore first = Stores.openPostgres(url); SupportStore second = Stores.openPostgres(url)) {
            Outcome.Accepted opened = accepted(first, new Command.Open("o1", Support.forOrder(null), Actor.CUSTOMER));
            first.commit(Commit.of(opened));
            assertThat(second.load("o1")).contains(opened.session());
            Outcome.Accepted closedByFirst = accepted(first, new Command.Close("o1", Actor.AGENT));
            Outcome.Accepted updatedBySecond = accepted(second, new Command.Update("o1", Support.forOrder(null),
                    Actor.CUSTOMER));
            first.commit(Commit.of(closedByFirst));
            assertThatThrownBy(() -> second.commit(Commit.of(updatedBySecond)))
                    .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.actual()).isEqualTo(2));
            assertThat(second.journal("o1")).containsExactly(opened.entry(), closedByFirst.entry());
        }
    }

    /** P3 across processes: each store stands for a process, all deciding on the same load, committing at once. */
    @Test
    void storesRacingForAnAgentsLastCapacityStoreOneAssignmentAndRefuseTheOthers() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        int racers = 6;
        List<SupportStore> stores = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            for (int i = 0; i < racers; i++) {
                stores.add(Stores.openPostgres(url));
            }
            for (String agent : Scenario.AGENTS) {
                List<Commit> commits = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    String order = agent + "-o" + i;
                    stores.get(i).commit(Commit.of(accepted(stores.get(i), new Command.Open(order,
                            Support.forOrder(null), Actor.CUSTOMER))));
                    commits.add(Commit.of(accepted(stores.get(i), new Command.Assign(order, Scenario.agent(agent),
                            Actor.SUPERVISOR))).withCapacities(Map.of(agent, 1)));
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> stored = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    SupportStore store = stores.get(i);
                    Commit commit = commits.get(i);
                    stored.add(threads.submit(() -> {
                        start.await();
                        return store.commitAll(List.of(commit)).get(0) == null;
                    }));
                }
                start.countDown();
                long accepted = 0;
                for (Future<Boolean> one : stored) {
                    accepted += one.get() ? 1 : 0;
                }
                assertThat(accepted).as("assignments of %s stored", agent).isEqualTo(1);
                assertThat(stores.get(0).agentLoad(agent)).isEqualTo(1);
            }
        } finally {
            threads.shutdown();
            stores.forEach(SupportStore::close);
        }
    }

    @Test
    void anOrdersOutboxIsLeasedToOneOwnerAndTakenOverOnceTheLeaseHasRunOut() throws SQLException {
        String url = PostgresServer.shared().newDatabase();
        Duration hour = Duration.ofHours(1);
        try (SupportStore a = Stores.openPostgres(url); SupportStore b = Stores.openPostgres(url)) {
            for (String order : List.of("o1", "o2")) {
                a.commit(Commit.of(accepted(a, new Command.Open(order, Support.forOrder(null), Actor.CUSTOMER))));
            }
            assertThat(a.claimOutbox("a", hour, 10)).extracting(JournalEntry::orderId).containsExactly("o1", "o2");
            assertThat(b.claimOutbox("b", hour, 10)).isEmpty();
            b.commit(Commit.of(accepted(b, new Command.Open("o3", Support.forOrder(null), Actor.CUSTOMER))));
            assertThat(b.claimOutbox("b", hour, 10)).extracting(JournalEntry::orderId).containsExactly("o3");
            assertThat(a.claimOutbox("a", hour, 10)).extracting(JournalEntry::orderId).containsExactly("o1", "o2");

            assertThat(a.claimOutbox("a", Duration.ZERO, 10)).as("a's last claim, then a is gone").hasSize(2);
            assertThat(b.claimOutbox("b", hour, 10)).extracting(JournalEntry::orderId)
                    .containsExactly("o1", "o2", "o3");
            assertThat(a.claimOutbox("a", hour, 10)).isEmpty();

            b.acknowledgeAll(b.pendingOutbox(10).stream().map(SupportStore.EntryId::of).toList());
            assertThat(query(url, "SELECT count(*), 'leases' FROM sf_outbox_lease")).containsExactly("0 leases");
        }
    }

    @Test
    void aDueTimerIsClaimedByOneOwnerUntilItsLeaseRunsOutAndAReArmedDeadlineIsClaimedAfresh() {
        String url = PostgresServer.shared().newDatabase();
        Duration hour = Duration.ofHours(1);
        try (SupportStore a = Stores.openPostgres(url); SupportStore b = Stores.openPostgres(url)) {
            for (String order : List.of("o1", "o2")) {
                a.commit(Commit.of(accepted(a, new Command.Open(order, Support.forOrder(null), Actor.CUSTOMER))));
            }
            assertThat(a.claimDueTimers("a", Instant.MAX, hour, 10)).containsExactly("o1", "o2");
            assertThat(b.claimDueTimers("b", Instant.MAX, hour, 10)).isEmpty();
            assertThat(a.claimDueTimers("a", Instant.MAX, hour, 10)).as("renewed").containsExactly("o1", "o2");

            Outcome outcome = new StoreDriver(b).decide(new Command.Update("o1", Support.forOrder(null),
                    Actor.CUSTOMER), T0.plusSeconds(5));
            b.commit(Commit.of((Outcome.Accepted) outcome));
            assertThat(b.claimDueTimers("b", Instant.MAX, hour, 10)).as("o1 re-armed").containsExactly("o1");

            assertThat(a.claimDueTimers("a", Instant.MAX, Duration.ZERO, 10)).as("a's last claim").containsExactly("o2");
            assertThat(b.claimDueTimers("b", Instant.MAX, hour, 10)).containsExactly("o2", "o1");
            assertThat(a.claimDueTimers("a", Instant.MAX, hour, 10)).isEmpty();
        }
    }

    @Test
    void aDamagedRecordIsReportedNotServed() throws SQLException {
        String url = PostgresServer.shared().newDatabase();
        try (SupportStore store = Stores.openPostgres(url)) {
            store.commit(Commit.of(accepted(store, new Command.Open("o1", Support.forOrder(null), Actor.CUSTOMER))));
            execute(url, "UPDATE sf_session SET record = set_byte(record, 5, get_byte(record, 5) # 1)");
            assertThatThrownBy(() -> store.load("o1")).isInstanceOf(RecordFormatException.class)
                    .hasMessageContaining("checksum");
        }
    }

    private static Outcome.Accepted accepted(SupportStore store, Command command) {
        Outcome outcome = new StoreDriver(store).decide(command, T0);
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return (Outcome.Accepted) outcome;
    }

    private static void execute(String url, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static List<String> query(String url, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2));
            }
        }
        return rows;
    }
}
