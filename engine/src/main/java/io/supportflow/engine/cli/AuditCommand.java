package io.supportflow.engine.cli;

import io.supportflow.engine.audit.AuditReport;
import io.supportflow.engine.audit.StoreAudit;
import io.supportflow.persistence.SupportStore;

import java.io.PrintStream;
import java.util.List;

/** {@code audit}: replays every order's journal of a store, offline, and checks P1-P5 on the stored data. */
final class AuditCommand implements CliCommand {

    @Override
    public Usage usage() {
        return new Usage("audit", "Audit a store offline (stop the server first: a served store is locked): replay "
                + "every order's journal against\nthe lifecycle and check P1-P5 on the stored data. Exit 0 when "
                + "clean; 1 with one line per finding.", List.of(OfflineStore.DATA, Lifecycles.RULES), List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        var definition = Lifecycles.load(args.option("rules"));
        try (SupportStore store = OfflineStore.open(args)) {
            long total = store.sessionCount();
            AuditReport report = StoreAudit.run(store, definition,
                    done -> err.println("audit: " + done + " of " + total + " sessions"));
            out.print(report.render());
            return report.ok() ? 0 : 1;
        }
    }
}
