package io.supportflow.engine.cli;

import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Session;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@code sessions}: lists the sessions of a store, optionally by state and agent. */
final class SessionsCommand implements CliCommand {
    private static final String ROW = "%-24s %-20s %7s  %-16s %s%n";
    private static final int MAX_VALUE = 128;

    @Override
    public Usage usage() {
        return new Usage("sessions", "List the sessions of a store, offline (stop the server first).",
                List.of(OfflineStore.DATA, new Usage.Option("state", "S", "only sessions in state S"),
                        new Usage.Option("agent", "A", "only sessions whose current agent is A"),
                        new Usage.Option("rules", "FILE", "the custom lifecycle the store was served with, so "
                                + "that its states are listed too")),
                List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Lifecycle definition = Lifecycles.load(args.option("rules"));
        String state = nonEmpty(args, "state");
        String agent = nonEmpty(args, "agent");
        if (state != null && !definition.states().contains(state)) {
            throw new UsageException("state " + state + " is not one of " + definition.states());
        }
        try (SupportStore store = OfflineStore.open(args)) {
            List<Session> sessions = select(store, definition, state, agent);
            out.printf(ROW, "ORDER_ID", "STATE", "VERSION", "AGENT", "UPDATED");
            sessions.forEach(s -> out.printf(ROW, s.orderId(), s.state(), s.version(),
                    s.agent() == null ? "-" : s.agent().id(), s.updatedAt()));
            out.println(sessions.size() + (sessions.size() == 1 ? " session" : " sessions"));
            long unlisted = store.sessionCount() - countInStates(store, definition);
            if (state == null && agent == null && unlisted > 0) {
                err.println(unlisted + " more in states of another lifecycle: pass its --rules FILE");
            }
        }
        return 0;
    }

    /**
     * The option's value, or null; the same limits as the REST binding's query parameters.
     *
     * @throws UsageException when it is empty or longer than an id may be
     */
    private static String nonEmpty(Arguments args, String name) {
        String value = args.option(name);
        if (value != null && value.isBlank()) {
            throw new UsageException("--" + name + " is empty");
        }
        if (value != null && value.length() > MAX_VALUE) {
            throw new UsageException("--" + name + " is longer than " + MAX_VALUE + " characters");
        }
        return value;
    }

    private static List<Session> select(SupportStore store, Lifecycle definition, String state, String agent) {
        List<String> orderIds = agent != null ? store.ordersWithAgent(agent)
                : state != null ? store.ordersInState(state) : allOrders(store, definition);
        List<Session> sessions = new ArrayList<>();
        for (String orderId : orderIds) {
            Optional<Session> session = store.load(orderId);
            session.filter(s -> state == null || s.state().equals(state)).ifPresent(sessions::add);
        }
        sessions.sort(Comparator.comparing(Session::orderId));
        return sessions;
    }

    private static List<String> allOrders(SupportStore store, Lifecycle definition) {
        List<String> orderIds = new ArrayList<>();
        for (String state : definition.states()) {
            orderIds.addAll(store.ordersInState(state));
        }
        return orderIds;
    }

    private static long countInStates(SupportStore store, Lifecycle definition) {
        return allOrders(store, definition).size();
    }
}
