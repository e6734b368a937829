package io.supportflow.properties;

import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.TransitionEvent;
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

import java.util.ArrayList;
import java.util.List;
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

        private Run(Lifecycle definition, Cast cast) {
            for (int t = 0; t < THREADS; t++) {
                orders.add(own(t));
            }
            rig = EngineRig.start(definition, new TestClock(), delivered::add);
            cast.registered().forEach(p -> {
                rig.engine().registerAgent(p);
                registered.put(p.agentId(), p);
            });
        }

        static Run of(Lifecycle definition, Cast cast, List<List<Command>> scripts) {
            Run run = new Run(definition, cast);
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
