package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.SupportException;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Session;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child JVM of {@link CrashRecoveryIT}: opens the engine on a MapDB directory and runs random commands on several
 * orders from several threads until it is killed, printing {@code ACK order version state} on standard output after
 * each command returned (so every printed line is an acknowledged command). Exits by itself after a while, in case
 * the parent is gone.
 *
 * <p>Arguments: the data directory and a seed.
 */
public final class CrashChild {
    /** The lifecycle both sides use: the standard table with agents of capacity 2, so orders contend for agents. */
    static final Lifecycle LIFECYCLE = Lifecycle.standard().extend("crash")
            .policies(p -> p.withAgentCapacity(2)).build();
    static final List<String> ORDERS = List.of("c0", "c1", "c2", "c3", "c4", "c5");
    static final List<String> AGENTS = List.of("a1", "a2", "a3");
    static final int THREADS = 3;
    private static final long GIVE_UP_MILLIS = 120_000;

    private CrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        SupportEngine engine = SupportEngine.builder().lifecycle(LIFECYCLE).dataDirectory(directory)
                .manualScheduling().build();
        AGENTS.forEach(id -> engine.registerAgent(new AgentProfile(id, null, true, Agent.withId(id))));
        out.println("READY");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed * 31 + t);
            Thread thread = new Thread(() -> load(engine, random, out), "load-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(GIVE_UP_MILLIS);
        System.exit(2);
    }

    private static void load(SupportEngine engine, Random random, PrintStream out) {
        while (true) {
            Command command = command(random);
            try {
                Session s = engine.execute(command);
                out.println("ACK " + s.orderId() + " " + s.version() + " " + s.state());
            } catch (SupportException refused) {
                // refusals are not acknowledgements of a change; nothing to print
            }
        }
    }

    static Command command(Random random) {
        String order = ORDERS.get(random.nextInt(ORDERS.size()));
        Actor actor = random.nextBoolean() ? Actor.CUSTOMER : Actor.AGENT;
        Agent agent = Agent.withId(AGENTS.get(random.nextInt(AGENTS.size())));
        return switch (random.nextInt(8)) {
            case 0, 1 -> new Command.Open(order, body(random, random.nextBoolean() ? agent : null), actor);
            case 2 -> new Command.Update(order, body(random, null), actor);
            case 3, 4 -> new Command.Assign(order, agent, actor);
            case 5 -> new Command.Unassign(order, actor);
            default -> new Command.Close(order, actor);
        };
    }

    private static Support body(Random random, Agent agent) {
        return new Support(Descriptor.named("crash " + random.nextInt(1000)), null, null, null, null, agent);
    }
}
