package io.supportflow.persistence;

import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Session;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Random traffic decided on each store's own data must agree, step by step, with the reference model. */
class StoreProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> ORDERS = List.of("o1", "o2", "o3");

    @Property(tries = 60)
    @Label("P4, P5: the in-memory store agrees with the reference model")
    void inMemoryStoreAgreesWithTheModel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
        try (SupportStore store = Stores.inMemory()) {
            run(store, new Random(seed), steps);
        }
    }

    @Property(tries = 20)
    @Label("P4, P5: the file store agrees with the reference model, also across reopening")
    void fileStoreAgreesWithTheModel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int steps)
            throws IOException {
        Path directory = Files.createTempDirectory("store-properties");
        try {
            ReferenceModel model;
            try (SupportStore store = Stores.openMapDb(directory)) {
                model = run(store, new Random(seed), steps);
            }
            try (SupportStore store = Stores.openMapDb(directory)) {
                assertAgrees(store, model);
            }
        } finally {
            RedoLogProperties.delete(directory);
        }
    }

    private static ReferenceModel run(SupportStore store, Random random, int steps) {
        ReferenceModel model = new ReferenceModel(Scenario.LIFECYCLE, T0);
        Scenario.agentProfiles().forEach(profile -> {
            model.registerAgent(profile);
            store.putAgent(profile);
        });
        StoreDriver driver = new StoreDriver(store);
        Outcome.Accepted lastAccepted = null;
        for (int i = 0; i < steps; i++) {
            if (random.nextInt(5) == 0) {
                List<Outcome> fired = model.advanceClock(Duration.ofMinutes(random.nextInt(40)));
                assertThat(driver.fireDueTimers(model.now())).isEqualTo(fired);
                continue;
            }
            Command command = Scenario.command(random, ORDERS);
            var before = StoreChecks.snapshot(store);
            Outcome expected = model.apply(command);
            assertThat(driver.apply(command, model.now())).isEqualTo(expected);
            if (expected instanceof Outcome.Accepted accepted) {
                assertAdvancedByOne(store, accepted.session());
                lastAccepted = accepted;
            } else {
                assertThat(StoreChecks.snapshot(store)).as("P4: %s changed nothing", expected).isEqualTo(before);
            }
            if (lastAccepted != null && random.nextInt(4) == 0) {
                assertStaleCommitChangesNothing(store, lastAccepted);
            }
        }
        assertAgrees(store, model);
        return model;
    }

    private static void assertAdvancedByOne(SupportStore store, Session session) {
        assertThat(store.load(session.orderId())).contains(session);
        assertThat(store.journal(session.orderId())).as("P4: one entry per accepted command")
                .hasSize((int) session.version());
    }

    private static void assertStaleCommitChangesNothing(SupportStore store, Outcome.Accepted old) {
        var before = StoreChecks.snapshot(store);
        assertThatThrownBy(() -> store.commit(Commit.of(old))).isInstanceOf(StaleVersionException.class);
        assertThat(StoreChecks.snapshot(store)).as("P4: a stale commit changed nothing").isEqualTo(before);
    }

    private static void assertAgrees(SupportStore store, ReferenceModel model) {
        for (String order : ORDERS) {
            assertThat(store.load(order)).isEqualTo(model.session(order));
            assertThat(store.journal(order)).isEqualTo(model.journal(order));
            assertThat(store.assignments(order)).isEqualTo(model.assignments(order));
        }
        for (String agent : Scenario.AGENTS) {
            assertThat(store.agentLoad(agent)).isEqualTo(model.agentLoad(agent));
        }
        assertThat(store.dueTimers(model.now())).isEqualTo(model.dueTimers());
        StoreChecks.assertConsistent(store, ORDERS);
    }
}
