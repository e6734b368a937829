package io.supportflow.properties;

import io.supportflow.spec.lifecycle.Lifecycle;

import java.util.ArrayList;
import java.util.List;

/** Opens the twins of one property's tries and closes them after each try (their directories are deleted). */
final class Twins {
    private final List<Twin> open = new ArrayList<>();

    synchronized Twin open(Lifecycle definition, Cast cast) {
        Twin twin = new Twin(definition, cast);
        open.add(twin);
        return twin;
    }

    synchronized void closeAll() {
        open.forEach(Twin::close);
        open.clear();
    }
}
