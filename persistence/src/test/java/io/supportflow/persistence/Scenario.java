package io.supportflow.persistence;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Person;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** The lifecycle and the random commands that test stores with realistic commits. */
final class Scenario {
    /** The standard lifecycle with a 30-minute idle timeout, so that sessions carry timers. */
    static final Lifecycle LIFECYCLE = Lifecycle.standard().extend("store-tests")
            .policies(p -> p.withIdleTimeout(Duration.ofMinutes(30))).build();
    static final List<String> AGENTS = List.of("a1", "a2", "a3");

    private Scenario() {
    }

    static List<AgentProfile> agentProfiles() {
        return AGENTS.stream().map(id -> new AgentProfile(id, null, true, agent(id))).toList();
    }

    static Agent agent(String id) {
        return new Agent(id, Person.named("Agent " + id), null, null, "4.5");
    }

    static Support body(Random random) {
        int n = random.nextInt(1000);
        return new Support(Descriptor.named("help " + n), null, "+49 30 " + (100000 + n), new Chat("https://chat.example/" + n,
                "s" + n), null, null);
    }

    /**
     * Registers the agents, then runs {@code commands} random commands on {@code orders} in the file store of
     * {@code directory}, time moving a few minutes per command so that idle timers fire; closes the store.
     */
    static void writeTraffic(Path directory, List<String> orders, int commands) {
        try (SupportStore store = Stores.openMapDb(directory)) {
            agentProfiles().forEach(store::putAgent);
            StoreDriver driver = new StoreDriver(store);
            Random random = new Random(3);
            Instant now = SupportStoreContract.T0;
            for (int i = 0; i < commands; i++) {
                now = now.plus(Duration.ofMinutes(random.nextInt(8)));
                driver.fireDueTimers(now);
                driver.apply(command(random, orders), now);
            }
        }
    }

    /** A random state-changing command on one of {@code orders}; many are refused, as in real traffic. */
    static Command command(Random random, List<String> orders) {
        String order = orders.get(random.nextInt(orders.size()));
        String agent = AGENTS.get(random.nextInt(AGENTS.size()));
        return switch (random.nextInt(8)) {
            case 0, 1 -> new Command.Open(order, body(random), Actor.CUSTOMER);
            case 2 -> new Command.Open(order, body(random).withAgent(agent(agent)), Actor.CUSTOMER);
            case 3 -> new Command.Update(order, body(random), Actor.CUSTOMER);
            case 4, 5 -> new Command.Assign(order, agent(agent), Actor.SUPERVISOR);
            case 6 -> new Command.Unassign(order, Actor.SUPERVISOR);
            default -> new Command.Close(order, Actor.AGENT);
        };
    }
}
