package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Opens the twins of one property's tries, on MapDB or on PostgreSQL, and closes them after each try (their
 * directories are deleted).
 */
final class Twins {
    private final List<Twin> open = new ArrayList<>();
    private final boolean onPostgres;

    /** Twins on MapDB stores. */
    Twins() {
        this(false);
    }

    private Twins(boolean onPostgres) {
        this.onPostgres = onPostgres;
    }

    /** Twins on PostgreSQL stores, a fresh database each. */
    static Twins onPostgres() {
        return new Twins(true);
    }

    synchronized Twin open(Lifecycle definition, Cast cast) {
        Twin twin = new Twin(definition, cast, onPostgres);
        open.add(twin);
        return twin;
    }

    synchronized void closeAll() {
        open.forEach(Twin::close);
        open.clear();
    }
}
