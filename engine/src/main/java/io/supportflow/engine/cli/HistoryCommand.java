package io.supportflow.engine.cli;

import io.supportflow.persistence.SupportStore;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.govstack.Violation;
import io.supportflow.spec.model.JournalEntry;

import java.io.PrintStream;
import java.util.List;

/** {@code history}: prints the journal of one order: one line per accepted command. */
final class HistoryCommand implements CliCommand {
    private static final String ROW = "%-4s %-30s %-10s %-12s %s%n";

    @Override
    public Usage usage() {
        return new Usage("history", "Print the journal of one order, offline (stop the server first).",
                List.of(OfflineStore.DATA), List.of("ORDER_ID"));
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        String orderId = args.positionals().get(0);
        List<Violation> violations = Validation.orderId(orderId);
        if (!violations.isEmpty()) {
            throw new UsageException(violations.get(0).path() + ": " + violations.get(0).rule());
        }
        try (SupportStore store = OfflineStore.open(args)) {
            List<JournalEntry> journal = store.journal(orderId);
            if (journal.isEmpty()) {
                throw new CliFailure("order " + orderId + " has no support session in " + args.option("data"));
            }
            out.printf(ROW, "V", "AT", "ACTOR", "EVENT", "TRANSITION");
            for (JournalEntry e : journal) {
                out.printf(ROW, e.version(), e.at(), e.actor(), e.event(), e.from() + " -> " + e.to()
                        + (e.agent() == null ? "" : "  agent " + e.agent().id()));
            }
        }
        return 0;
    }
}
