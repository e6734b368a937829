package io.supportflow.engine;

import io.supportflow.persistence.Stores;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Session;
import io.supportflow.spec.rules.RulesFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.supportflow.engine.Fixtures.body;
import static io.supportflow.engine.Fixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The engine (Spring chooses the row, the store keeps the data) does what the spec's reference model does, command by
 * command and timer by timer: same sessions, refusals (code, message, paths), journals, assignments, agent loads and
 * delivered events. For the standard lifecycle and for {@code support-plus.rules}.
 */
class EngineMatchesModelProperties {
    private static final List<String> ORDERS = List.of("o1", "o2", "o3");
    private static final List<AgentProfile> REGISTERED = List.of(
            new AgentProfile("a1", 1, true, Agent.withId("a1")),
            new AgentProfile("a2", null, true, rated("a2", "4.5")),
            new AgentProfile("a4", null, false, rated("a4", "5")));
    private static final Lifecycle SUPPORT_PLUS = RulesFile.parse(resource("/support-plus.rules"));

    @Property(tries = 40)
    @Label("the engine equals the reference model on the standard lifecycle")
    void engineEqualsModelOnTheStandardLifecycle(@ForAll("standardSteps") List<Step> steps) {
        check(Lifecycle.standard(), steps);
    }

    @Property(tries = 40)
    @Label("the engine equals the reference model on a custom lifecycle from a rules file")
    void engineEqualsModelOnACustomLifecycleFromARulesFile(@ForAll("customSteps") List<Step> steps) {
        check(SUPPORT_PLUS, steps);
    }

    @Provide
    Arbitrary<List<Step>> standardSteps() {
        return steps(Lifecycle.standard());
    }

    @Provide
    Arbitrary<List<Step>> customSteps() {
        return steps(SUPPORT_PLUS);
    }

    private static void check(Lifecycle definition, List<Step> steps) {
        MutableClock clock = new MutableClock(Fixtures.T0);
        ReferenceModel model = new ReferenceModel(definition, Fixtures.T0);
        List<TransitionEvent> delivered = new CopyOnWriteArrayList<>();
        try (SupportEngine engine = SupportEngine.builder().lifecycle(definition).store(Stores.inMemory())
                .clock(clock).listener(delivered::add).manualScheduling().machinePoolSize(1).build()) {
            REGISTERED.forEach(p -> {
                model.registerAgent(p);
                engine.registerAgent(p);
            });
            for (Step step : steps) {
                if (step instanceof Step.Run run) {
                    compare(model.apply(run.command()), engine, run.command());
                } else {
                    Duration wait = ((Step.Wait) step).duration();
                    clock.advance(wait);
                    long fired = model.advanceClock(wait).stream().filter(o -> o instanceof Outcome.Accepted).count();
                    assertThat(engine.fireDueTimers()).as("timers fired after " + wait).isEqualTo((int) fired);
                }
            }
            compareStores(model, engine);
            engine.deliverOutbox();
            for (Session session : model.sessions()) {
                assertThat(delivered).filteredOn(e -> e.orderId().equals(session.orderId()))
                        .containsExactlyElementsOf(model.journal(session.orderId()).stream().map(TransitionEvent::of)
                                .toList());
            }
            assertThat(delivered).hasSize(model.sessions().stream()
                    .mapToInt(s -> model.journal(s.orderId()).size()).sum());
        }
    }

    private static void compare(Outcome expected, SupportEngine engine, Command command) {
        Object actual;
        try {
            actual = engine.execute(command);
        } catch (SupportException e) {
            actual = e;
        }
        if (expected instanceof Outcome.Accepted accepted) {
            assertThat(actual).as(command.toString()).isEqualTo(accepted.session());
        } else if (expected instanceof Outcome.Unchanged unchanged) {
            assertThat(actual).as(command.toString()).isEqualTo(unchanged.session());
        } else if (expected instanceof Outcome.Refused refused && actual instanceof SupportException e) {
            assertThat(e.code()).as(command.toString()).isEqualTo(refused.code());
            assertThat(e.getMessage()).isEqualTo(refused.message());
            assertThat(e.paths()).isEqualTo(refused.paths());
        } else {
            fail(command + ": model " + expected + " but engine " + actual);
        }
    }

    private static void compareStores(ReferenceModel model, SupportEngine engine) {
        for (Session session : model.sessions()) {
            String id = session.orderId();
            assertThat(engine.get(id)).isEqualTo(session);
            assertThat(engine.history(id)).isEqualTo(model.journal(id));
            assertThat(engine.assignments(id)).isEqualTo(model.assignments(id));
        }
        for (String state : model.definition().states().subList(1, model.definition().states().size())) {
            assertThat(engine.sessionsInState(state))
                    .isEqualTo(model.sessions().stream().filter(s -> s.state().equals(state)).toList());
        }
        for (String agent : List.of("a1", "a2", "a3", "a4")) {
            assertThat(engine.agentLoad(agent)).as(agent).isEqualTo(model.agentLoad(agent));
        }
    }

    private static Arbitrary<List<Step>> steps(Lifecycle definition) {
        Arbitrary<String> order = Arbitraries.of(ORDERS);
        Arbitrary<Actor> actor = Arbitraries.of(Actor.class);
        Arbitrary<Agent> agent = Arbitraries.of(Agent.withId("a1"), rated("a2", "4.5"), rated("a3", "3"),
                rated("a4", "5"), Agent.withId(" "));
        Arbitrary<Agent> maybeAgent = agent.injectNull(0.6);
        Arbitrary<Support> body = maybeAgent.map(a -> body("help").withAgent(a));
        Arbitrary<Step> run = Arbitraries.oneOf(
                Combinators.combine(order, body, actor).as(Command.Open::new),
                Combinators.combine(order, body, actor).as(Command.Update::new),
                Combinators.combine(order, actor).as(Command.Close::new),
                Combinators.combine(order, agent, actor).as(Command.Assign::new),
                Combinators.combine(order, actor).as(Command.Unassign::new),
                Combinators.combine(order, actor).as(Command.AssignNext::new),
                Combinators.combine(order, Arbitraries.of(definition.events()), maybeAgent, actor)
                        .as(Command.Fire::new))
                .map(Step.Run::new);
        Arbitrary<Step> wait = Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofMinutes(31),
                Duration.ofHours(2), Duration.ofHours(73)).map(Step.Wait::new);
        return Arbitraries.frequencyOf(Tuple.of(6, run), Tuple.of(1, wait)).list().ofMaxSize(40);
    }

    private static String resource(String name) {
        try (InputStream in = EngineMatchesModelProperties.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One step of a scenario: a command, or the clock moving (due timers fire). */
    sealed interface Step {
        record Run(Command command) implements Step {
        }

        record Wait(Duration duration) implements Step {
        }
    }
}
