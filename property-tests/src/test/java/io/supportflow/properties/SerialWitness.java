package io.supportflow.properties;

import io.supportflow.engine.TransitionEvent;
import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.AgentProfile;
import io.supportflow.spec.model.Command;
import io.supportflow.spec.model.JournalEntry;
import io.supportflow.spec.model.Outcome;
import io.supportflow.spec.model.ReferenceModel;
import io.supportflow.spec.model.Semantics;
import io.supportflow.spec.model.Session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static io.supportflow.properties.Invariants.check;

/**
 * P8 after a concurrent run: the engine's journals against what the threads were told, and the whole run against a
 * serial run of the reference model.
 */
final class SerialWitness {

    private SerialWitness() {
    }

    /**
     * Journals have versions 1..n with no gap or duplicate, and the outbox delivered each entry exactly once, per
     * order in version order.
     */
    static void journalsAreConsecutive(Snapshot engine, List<TransitionEvent> commitOrder) {
        Map<String, List<Long>> delivered = new LinkedHashMap<>();
        commitOrder.forEach(e -> delivered.computeIfAbsent(e.orderId(), k -> new ArrayList<>()).add(e.version()));
        engine.orders().forEach((orderId, order) -> {
            List<Long> versions = order.journal().stream().map(JournalEntry::version).toList();
            List<Long> expected = LongStream.rangeClosed(1, order.version()).boxed().toList();
            check(versions.equals(expected), () -> "P8 violated: order " + orderId + " at version " + order.version()
                    + " has journal versions " + versions);
            check(delivered.getOrDefault(orderId, List.of()).equals(expected), () -> "P8 violated: order " + orderId
                    + " delivered versions " + delivered.get(orderId) + " for journal " + versions);
        });
    }

    /**
     * Nothing acknowledged is missing: a command answered with a session at version v finds exactly that session
     * by replaying the first v journal entries of its order.
     */
    static void acknowledgedStatesAreInTheJournals(Lifecycle definition, Snapshot engine, List<Ack> acks) {
        for (Ack ack : acks) {
            if (ack.result() instanceof EngineResult.Answered answered) {
                List<JournalEntry> journal = engine.order(ack.command().orderId()).journal();
                check(ack.version() <= journal.size(), () -> "P8 violated: " + ack + " but the journal ends at "
                        + journal.size());
                Session replayed = Semantics.replay(definition, journal.subList(0, (int) ack.version())).session();
                check(answered.session().equals(replayed), () -> "P8 violated: " + ack + " but the journal gives "
                        + replayed + " at that version");
            }
        }
    }

    /**
     * The most ACTIVE assignments {@code agentId} held at once, following the commit order (each order's assignments
     * after each of its entries, replayed from its journal).
     */
    static int mostActiveAtOnce(Lifecycle definition, Snapshot engine, List<TransitionEvent> commitOrder,
                                String agentId) {
        Map<String, Long> holding = new HashMap<>();
        long most = 0;
        for (TransitionEvent event : commitOrder) {
            List<JournalEntry> prefix = engine.order(event.orderId()).journal().subList(0, (int) event.version());
            holding.put(event.orderId(), Semantics.replay(definition, prefix).assignments().stream()
                    .filter(a -> a.active() && a.agentId().equals(agentId)).count());
            most = Math.max(most, holding.values().stream().mapToLong(Long::longValue).sum());
        }
        return (int) most;
    }

    /**
     * A run equals some serial order: replaying the acknowledged commands in commit order through a fresh reference
     * model accepts each with the very entry and session the engine stored, every other acknowledgement is a no-op
     * or refusal the model gives in some configuration of that serial run, and the model ends where the engine did.
     *
     * @return the model after the serial run
     */
    static ReferenceModel serialRunAgrees(Lifecycle definition, List<AgentProfile> registered, Instant at,
                                          Snapshot engine, List<TransitionEvent> commitOrder, List<Ack> acks) {
        ReferenceModel model = new ReferenceModel(definition, at);
        Map<String, AgentProfile> agents = new TreeMap<>();
        registered.forEach(p -> {
            agents.put(p.agentId(), p);
            model.registerAgent(p);
        });
        ModelView view = new ModelView(model, agents);
        Set<Ack> accepted = new HashSet<>();
        Set<Ack> explained = new HashSet<>();
        explain(definition, model, view, acks, explained);
        for (TransitionEvent event : commitOrder) {
            JournalEntry entry = engine.order(event.orderId()).journal().get((int) event.version() - 1);
            Ack ack = acks.stream().filter(a -> !accepted.contains(a) && wrote(a, entry, agents)).findFirst()
                    .orElseThrow(() -> new AssertionError("P8 violated: no acknowledged command wrote " + entry
                            + "; acknowledgements on that order: " + acks.stream()
                            .filter(a -> a.command().orderId().equals(entry.orderId())).toList()));
            Outcome outcome = model.apply(ack.command());
            check(outcome instanceof Outcome.Accepted a && a.entry().equals(entry)
                            && a.session().equals(((EngineResult.Answered) ack.result()).session()),
                    () -> "P8 violated: in commit order the model answers " + ack + " with " + outcome);
            view.track((Outcome.Accepted) outcome);
            accepted.add(ack);
            explain(definition, model, view, acks, explained);
        }
        for (Ack ack : acks) {
            check(accepted.contains(ack) || explained.contains(ack), () -> "P8 violated: " + ack
                    + " is neither in the journal nor what the serial run answers at any point");
        }
        return model;
    }

    /** Marks the acknowledgements the model, in its current configuration, answers just as the engine did. */
    private static void explain(Lifecycle definition, ReferenceModel model, ModelView view, List<Ack> acks,
                                Set<Ack> explained) {
        for (Ack ack : acks) {
            if (explained.contains(ack)) {
                continue;
            }
            Command c = ack.command();
            Outcome now = Semantics.step(definition, model.session(c.orderId()).orElse(null), c, view, model.now());
            boolean same = ack.result() instanceof EngineResult.Refused r
                    ? now instanceof Outcome.Refused m && m.code() == r.refusal().code()
                    : now instanceof Outcome.Unchanged u
                            && u.session().equals(((EngineResult.Answered) ack.result()).session());
            if (same) {
                explained.add(ack);
            }
        }
    }

    /** Whether {@code ack} can be the command that wrote {@code entry}. */
    private static boolean wrote(Ack ack, JournalEntry entry, Map<String, AgentProfile> registered) {
        Command c = ack.command();
        if (!c.orderId().equals(entry.orderId()) || ack.version() != entry.version()
                || !c.event().equals(entry.event()) || c.actor() != entry.actor()) {
            return false;
        }
        if (c instanceof Command.Open open) {
            return Objects.equals(open.body(), entry.body());
        }
        if (c instanceof Command.Update update) {
            return Objects.equals(update.body(), entry.body());
        }
        if (c instanceof Command.AssignNext) {
            return entry.agent() != null;
        }
        return sameAgent(c.agent(), entry.agent(), registered);
    }

    /** The command's agent is the entry's, or a registered agent of that id (assigned with its registered details). */
    private static boolean sameAgent(Agent given, Agent stored, Map<String, AgentProfile> registered) {
        if (given == null || stored == null) {
            return given == stored;
        }
        return given.equals(stored) || registered.containsKey(given.id()) && given.id().equals(stored.id());
    }
}
