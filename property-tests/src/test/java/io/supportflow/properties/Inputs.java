package io.supportflow.properties;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Contact;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Faq;
import io.supportflow.spec.govstack.Support;
import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Events;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Generators of the inputs of a run: casts, agents, Support bodies, 8.12 commands and clock steps. Mostly valid
 * input, with a few malformed fields so that every refusal code occurs.
 */
final class Inputs {
    static final List<String> ORDERS = List.of("o1", "o2", "o3");
    static final List<String> AGENTS = List.of("a1", "a2", "a3");
    private static final Chat CHAT = new Chat("https://chat.example/1", "s1");
    private static final Faq FAQ = new Faq("https://faq.example/support", "text/html");
    private static final Set<String> STANDARD_EVENTS =
            Set.of(Events.OPEN, Events.UPDATE, Events.ASSIGN, Events.UNASSIGN, Events.CLOSE, Events.IDLE_TIMEOUT);

    private Inputs() {
    }

    /** Three orders and three agents, each agent registered or not, with a capacity, availability and rating. */
    static Arbitrary<Cast> casts() {
        Arbitrary<Optional<AgentProfile>> a1 = profile("a1");
        Arbitrary<Optional<AgentProfile>> a2 = profile("a2");
        Arbitrary<Optional<AgentProfile>> a3 = profile("a3");
        return Combinators.combine(a1, a2, a3).as((p1, p2, p3) -> {
            List<AgentProfile> registered = new ArrayList<>();
            p1.ifPresent(registered::add);
            p2.ifPresent(registered::add);
            p3.ifPresent(registered::add);
            return new Cast(ORDERS, AGENTS, registered);
        });
    }

    private static Arbitrary<Optional<AgentProfile>> profile(String id) {
        Arbitrary<AgentProfile> registered = Combinators.combine(
                Arbitraries.of(1, 2).injectNull(0.4), Arbitraries.of(true, true, true, false), ratings())
                .as((capacity, available, rating) -> new AgentProfile(id, capacity, available,
                        new Agent(id, null, null, null, rating)));
        return Arbitraries.frequencyOf(
                Tuple.of(3, registered.map(Optional::of)),
                Tuple.of(1, Arbitraries.just(Optional.empty())));
    }

    private static Arbitrary<String> ratings() {
        return Arbitraries.of("4.5", "3", "2", "gte 4").injectNull(0.3);
    }

    static Arbitrary<Actor> actors() {
        return Arbitraries.of(Actor.class);
    }

    /** Mostly two orders, so that sessions live long; the third one mostly answers "no session". */
    static Arbitrary<String> orders() {
        return Arbitraries.frequency(Tuple.of(6, ORDERS.get(0)), Tuple.of(5, ORDERS.get(1)),
                Tuple.of(1, ORDERS.get(2)));
    }

    /** Orders with a live session five times as likely as the others. */
    private static Arbitrary<String> orders(Set<String> live) {
        return Arbitraries.frequency(ORDERS.stream().map(o -> Tuple.of(live.contains(o) ? 5 : 1, o)).toList());
    }

    /** Agents of the cast: id only (stands for the registered profile), or with rating or contact; rarely malformed. */
    static Arbitrary<Agent> agents() {
        Arbitrary<String> ids = Arbitraries.of(AGENTS);
        Arbitrary<Agent> valid = Arbitraries.oneOf(
                ids.map(Agent::withId),
                Combinators.combine(ids, ratings()).as((id, rating) -> new Agent(id, null, null, null, rating)),
                ids.map(id -> new Agent(id, null, new Contact("+49 30 555 01", id + "@example.org"), null, null)));
        Arbitrary<Agent> malformed = Arbitraries.of(
                Agent.withId(""), Agent.withId("a 1"), new Agent("a1", null, null, null, "gte"),
                new Agent("a2", null, new Contact("phone", null), null, null));
        return Arbitraries.frequencyOf(Tuple.of(20, valid), Tuple.of(1, malformed));
    }

    private enum BodyOrderId { ABSENT, SAME, OTHER }

    /** A Support body for {@code orderId}; {@code agents} gives its agent (null for none). */
    static Arbitrary<Support> bodies(String orderId, Arbitrary<Agent> agents) {
        Arbitrary<BodyOrderId> ids = Arbitraries.frequency(
                Tuple.of(10, BodyOrderId.ABSENT), Tuple.of(10, BodyOrderId.SAME),
                Tuple.of(1, BodyOrderId.OTHER));
        Arbitrary<String> phones = Arbitraries.frequency(Tuple.of(10, "+49 30 1234567"),
                Tuple.of(10, "+44 20 7946 0958"), Tuple.of(1, "call me"));
        return Combinators.combine(Arbitraries.of("help", "refund", "late delivery").injectNull(0.2), ids,
                        phones.injectNull(0.3), Arbitraries.just(CHAT).injectNull(0.5),
                        Arbitraries.just(FAQ).injectNull(0.7), agents)
                .as((name, id, phone, chat, faq, agent) -> new Support(name == null ? null : Descriptor.named(name),
                        switch (id) {
                            case ABSENT -> null;
                            case SAME -> orderId;
                            case OTHER -> orderId + "x";
                        }, phone, chat, faq, agent));
    }

    /**
     * Every state-changing 8.12 command on the cast's orders, plus the custom events of {@code definition}; orders in
     * {@code live} (a session not in a final state) are the likelier targets, and {@code open} is likelier while few
     * orders are live.
     */
    static Arbitrary<Command> commands(Lifecycle definition, Set<String> live) {
        return commands(definition, orders(live), live.isEmpty() ? 12 : live.size() == 1 ? 5 : 3);
    }

    /** Commands on {@code orders}; {@code openWeight} against 2 or 3 for each other command. */
    static Arbitrary<Command> commands(Lifecycle definition, Arbitrary<String> orders, int openWeight) {
        Arbitrary<Agent> noAgentMostly = agents().injectNull(0.8);
        Arbitrary<Agent> someAgent = agents().injectNull(0.6);
        List<Tuple.Tuple2<Integer, Arbitrary<Command>>> all = new ArrayList<>(List.of(
                weighted(openWeight, orders.flatMap(o -> Combinators.combine(bodies(o, someAgent), actors())
                        .as((body, actor) -> new Command.Open(o, body, actor)))),
                weighted(2, orders.flatMap(o -> Combinators.combine(bodies(o, noAgentMostly), actors())
                        .as((body, actor) -> new Command.Update(o, body, actor)))),
                weighted(2, Combinators.combine(orders, actors()).as(Command.Close::new)),
                weighted(3, Combinators.combine(orders, agents(), actors()).as(Command.Assign::new)),
                weighted(2, Combinators.combine(orders, actors()).as(Command.Unassign::new)),
                weighted(1, Combinators.combine(orders, actors()).as(Command.AssignNext::new))));
        List<String> custom = definition.events().stream().filter(e -> !STANDARD_EVENTS.contains(e)).toList();
        if (!custom.isEmpty()) {
            all.add(weighted(4, Combinators.combine(orders, Arbitraries.of(custom), noAgentMostly, actors())
                    .as(Command.Fire::new)));
        }
        return Arbitraries.frequencyOf(all);
    }

    private static Tuple.Tuple2<Integer, Arbitrary<Command>> weighted(int weight,
                                                                    Arbitrary<? extends Command> commands) {
        return Tuple.of(weight, commands.map(c -> c));
    }

    /** Clock steps just before, at and just after the idle timeout and the reopen window, and a few fixed ones. */
    static Arbitrary<Duration> clockSteps(Lifecycle definition) {
        List<Duration> steps = new ArrayList<>(List.of(Duration.ofSeconds(1), Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(8)));
        Duration idle = definition.policies().idleTimeout();
        if (idle != null) {
            steps.addAll(around(idle));
            steps.add(idle.dividedBy(2));
        }
        if (definition.policies().reopen() instanceof ReopenPolicy.Within within) {
            steps.addAll(around(within.window()));
        }
        return Arbitraries.of(steps);
    }

    private static List<Duration> around(Duration d) {
        return List.of(d.minusSeconds(1), d, d.plusSeconds(1));
    }
}
