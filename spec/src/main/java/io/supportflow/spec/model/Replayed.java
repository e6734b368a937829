package io.supportflow.spec.model;

import java.util.List;

/** A session and its assignments rebuilt from its journal alone (P5). */
public record Replayed(Session session, List<Assignment> assignments) {
    public Replayed {
        assignments = List.copyOf(assignments);
    }
}
