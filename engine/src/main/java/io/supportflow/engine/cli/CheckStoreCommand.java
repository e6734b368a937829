package io.supportflow.engine.cli;

import io.supportflow.persistence.StoreCheck;
import io.supportflow.persistence.StoreOpenException;
import io.supportflow.persistence.Stores;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code check-store}: checks every page and record of a store offline and reports damage. */
final class CheckStoreCommand implements CliCommand {

    @Override
    public Usage usage() {
        return new Usage("check-store", "Check a store offline (stop the server first: a served store is locked): "
                + "every page of its data file\nagainst its checksum, then every key and record of every table and "
                + "each order's session, journal and\nassignments. Repairs nothing (like opening, it finishes recovery "
                + "from the redo log and migrates a\nformat-1 data file first). Exit 0 when clean; 1 with one line per "
                + "damage (file, page and offset, order where known).", List.of(OfflineStore.DATA), List.of());
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) {
        Path directory = OfflineStore.directory(args);
        StoreCheck check;
        try {
            check = Stores.checkMapDb(directory);
        } catch (StoreOpenException e) {
            throw new CliFailure(e.getMessage());
        }
        check.damage().forEach(out::println);
        out.println(directory + ": " + check.pages() + " pages and " + check.records() + " records and keys read; "
                + (check.clean() ? "no damage" : check.damage().size() + " damaged"));
        return check.clean() ? 0 : 1;
    }
}
