package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.TransitionEvent;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.AssignmentStrategy;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.rating.RatingExpression;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.supportflow.properties.Invariants.check;

/**
 * P8: several threads fire commands at once on two shared orders and one order of their own each; afterwards the
 * journals, what the threads were told, and a serial run of the reference model must all agree.
 */
class ConcurrencyProperties {
    private static final int THREADS = 3;
    private static final int RACE_ROUNDS = 8;
    private static final List<String> SHARED = List.of("s1", "s2");

    /** Explicit assignment with capacity 1 and a minimum rating: agents are contended across orders. */
    private static final Lifecycle CONTENDED = Lifecycle.standard().extend("contended")
            .policies(p -> p.withAgentCapacity(1).withMinimumRating(RatingExpression.parse("gte 3"))).build();

    /** The strategy picks the agent on open and assignNext, with capacity 1. */
    private static final Lifecycle PICKING = Lifecycle.standard().extend("picking")
            .policies(p -> p.withAgentCapacity(1).withAssignment(AssignmentStrategy.LEAST_LOADED)
                    .withAutoAssignOnOpen(true)).build();

    @Property(tries = 30)
    @Label("P8 P4 P5: concurrent commands on shared and separate orders equal the serial run of the accepted"
            + " commands in commit order; nothing acknowledged is missing, no version is skipped or repeated")
    void concurrentCommandsEqualASerialRun(@ForAll("explicit") Lifecycle definition, @ForAll("casts") Cast cast,
                                           @ForAll("scripts") List<List<Command>> scripts) {
        try (Run run = Run.of(definition, cast, scripts)) {
            SerialWitness.journalsAreConsecutive(run.engine, run.delivered);
            SerialWitness.acknowledgedStatesAreInTheJournals(definition, run.engine, run.acks);
            ReferenceModel serial = SerialWitness.serialRunAgrees(definition, cast.registered(), TestClock.START,
                    run.engine, run.delivered, run.acks);
            Snapshot expected = Snapshot.of(serial, run.orders, cast.agents());
            check(run.engine.equals(expected), () -> "P8 violated: after the concurrent run the engine holds "
                    + run.engine + "\n but the serial run gives " + expected);
            Invariants.check(definition, run.engine, run.registered);
        }
    }

    @Property(tries = 20)
    @Label("P3 P8 P1 P2 P5: when the strategy picks agents, concurrent commands keep every agent within capacity"
            + " and lose no acknowledged command")
    void pickedAssignmentsStayWithinCapacity(@ForAll("casts") Cast cast,
                                             @ForAll("scripts") List<List<Command>> scripts) {
        try (Run run = Run.of(PICKING, cast, scripts)) {
            SerialWitness.journalsAreConsecutive(run.engine, run.delivered);
            SerialWitness.acknowledgedStatesAreInTheJournals(PICKING, run.engine, run.acks);
            Invariants.check(PICKING, run.engine, run.registered);
        }
    }

    @Property(tries = 10)
    @Label("P3 P8: threads racing to assign one agent to their own orders never push it over its capacity")
    void racingAssignmentsStayWithinCapacity(@ForAll @IntRange(min = 1, max = 2) int capacity,
                                             @ForAll @IntRange(min = 3, max = 6) int threads,
                                             @ForAll Race race) {
        Lifecycle definition = race.lifecycle(capacity);
        Cast cast = new Cast(List.of(), List.of("a1"), List.of(new AgentProfile("a1", null, true, Agent.withId("a1"))));
        List<List<Command>> scripts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Command> script = new ArrayList<>();
            for (int round = 0; round < RACE_ROUNDS; round++) {
                script.addAll(race.round(own(t)));
            }
            scripts.add(script);
        }
        try (Run run = Run.of(definition, cast, scripts)) {
            SerialWitness.journalsAreConsecutive(run.engine, run.delivered);
            SerialWitness.acknowledgedStatesAreInTheJournals(definition, run.engine, run.acks);
            Invariants.check(definition, run.engine, run.registered);
            int most = SerialWitness.mostActiveAtOnce(definition, run.engine, run.delivered, "a1");
            check(most <= capacity, () -> "P3 violated: agent a1 of capacity " + capacity + " held " + most
                    + " ACTIVE assignments at once during the race");
        }
    }

    /** How each racing thread tries to get agent a1 for its own order, round after round. */
    enum Race {
        /** Open with a1 in the body, then close. */
        OPEN_WITH_AGENT,
        /** Open without an agent, then assign a1 explicitly, then close. */
        ASSIGN,
        /** Open without an agent and let least-loaded auto-assignment pick a1, then close. */
        AUTO_ASSIGN;

        Lifecycle lifecycle(int capacity) {
            return Lifecycle.standard().extend("race-" + name().toLowerCase(Locale.ROOT))
                    .policies(p -> this == AUTO_ASSIGN
                            ? p.withAgentCapacity(capacity).withAssignment(AssignmentStrategy.LEAST_LOADED)
                                    .withAutoAssignOnOpen(true)
                            : p.withAgentCapacity(capacity))
                    .build();
        }

        List<Command> round(String order) {
            Support body = Support.forOrder(order);
            Command close = new Command.Close(order, Actor.AGENT);
            return switch (this) {
                case OPEN_WITH_AGENT -> List.of(new Command.Open(order, body.withAgent(Agent.withId("a1")),
                        Actor.CUSTOMER), close);
                case ASSIGN -> List.of(new Command.Open(order, body, Actor.CUSTOMER),
                        new Command.Assign(order, Agent.withId("a1"), Actor.SUPERVISOR), close);
                case AUTO_ASSIGN -> List.of(new Command.Open(order, body, Actor.CUSTOMER), close);
            };
        }
    }

    @Provide
    Arbitrary<Lifecycle> explicit() {
        return Arbitraries.of(Lifecycle.standard(), CONTENDED);
    }

    @Provide
    Arbitrary<Cast> casts() {
        return Inputs.casts();
    }

    /** One script per thread over the shared orders and the thread's own order. */
    @Provide
    Arbitrary<List<List<Command>>> scripts() {
        List<Arbitrary<List<Command>>> perThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Arbitrary<String> orders = Arbitraries.frequency(Tuple.of(3, SHARED.get(0)), Tuple.of(2, SHARED.get(1)),
                    Tuple.of(3, own(t)));
            perThread.add(Inputs.commands(Lifecycle.standard(), orders, 4).list().ofMinSize(8).ofMaxSize(20));
        }
        return Combinators.combine(perThread).as(List::copyOf);
    }

    private static String own(int thread) {
        return "t" + thread;
    }

    /** One concurrent run on a fresh engine, and what it left: the acks, the commit order, the engine's data. */
    private static final class Run implements AutoCloseable {
        final List<String> orders = new ArrayList<>(SHARED);
        final List<TransitionEvent> delivered = new CopyOnWriteArrayList<>();
        final Map<String, AgentProfile> registered = new TreeMap<>();
        final EngineRig rig;
        List<Ack> acks;
        Snapshot engine;

        private Run(Lifecycle definition, Cast cast, List<List<Command>> scripts) {
            scripts.stream().flatMap(List::stream).map(Command::orderId).distinct().sorted()
                    .filter(o -> !orders.contains(o)).forEach(orders::add);
            rig = EngineRig.start(definition, new TestClock(), delivered::add);
            cast.registered().forEach(p -> {
                rig.engine().registerAgent(p);
                registered.put(p.agentId(), p);
            });
        }

        static Run of(Lifecycle definition, Cast cast, List<List<Command>> scripts) {
            Run run = new Run(definition, cast, scripts);
            SupportEngine engine = run.rig.engine();
            run.acks = ConcurrentRun.run(engine, scripts);
            engine.deliverOutbox();
            run.engine = Snapshot.of(engine, run.orders, cast.agents());
            return run;
        }

        @Override
        public void close() {
            rig.close();
        }
    }
}
