package io.supportflow.engine.cli;

import io.supportflow.engine.Page;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.internal.Paging;
import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.model.Session;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code sessions}: lists the sessions of a store, optionally by state and agent, in pages as the REST binding's
 * {@code GET /support} (an engine without background threads over the offline store answers both).
 */
final class SessionsCommand implements CliCommand {
    private static final String ROW = "%-24s %-20s %7s  %-16s %s%n";
    private static final int MAX_VALUE = 128;

    @Override
    public Usage usage() {
        return new Usage("sessions", "List the sessions of a store, offline (stop the server first).",
                List.of(OfflineStore.DATA, new Usage.Option("state", "S", "only sessions in state S"),
                        new Usage.Option("agent", "A", "only sessions whose current agent is A"),
                        new Usage.Option("rules", "FILE", "the custom lifecycle the store was served with, so "
                                + "that its states are listed too"), PageOptions.LIMIT, PageOptions.CURSOR),
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
        Integer limit = PageOptions.limit(args);
        String cursor = PageOptions.cursor(args, Paging::orderAfter);
        SupportStore store = OfflineStore.open(args);
        try (SupportEngine engine = SupportEngine.builder().store(store).lifecycle(definition).manualScheduling()
                .build()) {
            out.printf(ROW, "ORDER_ID", "STATE", "VERSION", "AGENT", "UPDATED");
            int listed = 0;
            do {
                Page<Session> page = page(engine, state, agent, cursor, PageOptions.pageSize(limit));
                for (Session s : page.items()) {
                    if (agent == null || s.agent() != null && s.agent().id().equals(agent)) {
                        out.printf(ROW, s.orderId(), s.state(), s.version(), s.agent() == null ? "-" : s.agent().id(),
                                s.updatedAt());
                        listed++;
                    }
                }
                cursor = page.next().orElse(null);
            } while (limit == null && cursor != null);
            out.println(listed + (listed == 1 ? " session" : " sessions"));
            if (cursor != null) {
                out.println("next page: --cursor " + cursor);
            }
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

    /** The page the REST binding answers for the same query ({@code agent} filtered by the caller). */
    private static Page<Session> page(SupportEngine engine, String state, String agent, String cursor, int size) {
        return state != null ? engine.sessionsInState(state, cursor, size)
                : agent != null ? engine.sessionsOfAgent(agent, cursor, size) : engine.sessions(cursor, size);
    }

    private static long countInStates(SupportStore store, Lifecycle definition) {
        long count = 0;
        for (String state : definition.states()) {
            count += store.ordersInState(state).size();
        }
        return count;
    }
}
