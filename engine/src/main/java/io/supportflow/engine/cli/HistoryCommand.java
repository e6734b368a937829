package io.supportflow.engine.cli;

import io.supportflow.engine.NotFoundException;
import io.supportflow.engine.Page;
import io.supportflow.engine.SupportEngine;
import io.supportflow.engine.internal.Paging;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.govstack.Violation;
import io.supportflow.spec.model.JournalEntry;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code history}: prints the journal of one order, one line per accepted command, in pages as the REST binding's
 * {@code GET /support/{orderId}/history}.
 */
final class HistoryCommand implements CliCommand {
    private static final String ROW = "%-4s %-30s %-10s %-12s %s%n";

    @Override
    public Usage usage() {
        return new Usage("history", "Print the journal of one order, offline (stop the server first).",
                List.of(OfflineStore.DATA, PageOptions.LIMIT, PageOptions.CURSOR), List.of("ORDER_ID"));
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        String orderId = args.positionals().get(0);
        List<Violation> violations = Validation.orderId(orderId);
        if (!violations.isEmpty()) {
            throw new UsageException(violations.get(0).path() + ": " + violations.get(0).rule());
        }
        Integer limit = PageOptions.limit(args);
        String cursor = PageOptions.cursor(args, Paging::versionAfter);
        try (SupportEngine engine = SupportEngine.builder().store(OfflineStore.open(args)).manualScheduling()
                .build()) {
            Page<JournalEntry> page = history(engine, orderId, cursor, PageOptions.pageSize(limit), args);
            out.printf(ROW, "V", "AT", "ACTOR", "EVENT", "TRANSITION");
            while (true) {
                for (JournalEntry e : page.items()) {
                    out.printf(ROW, e.version(), e.at(), e.actor(), e.event(), e.from() + " -> " + e.to()
                            + (e.agent() == null ? "" : "  agent " + e.agent().id()));
                }
                cursor = page.next().orElse(null);
                if (limit != null || cursor == null) {
                    break;
                }
                page = history(engine, orderId, cursor, PageOptions.pageSize(limit), args);
            }
            if (cursor != null) {
                out.println("next page: --cursor " + cursor);
            }
        }
        return 0;
    }

    private static Page<JournalEntry> history(SupportEngine engine, String orderId, String cursor, int size,
                                              Arguments args) {
        try {
            return engine.history(orderId, cursor, size);
        } catch (NotFoundException e) {
            throw new CliFailure("order " + orderId + " has no support session in " + args.option("data"));
        }
    }
}
