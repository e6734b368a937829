package io.supportflow.spec.rules;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.InvalidLifecycleException;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.LifecycleBuilder;
import io.supportflow.spec.lifecycle.Policies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Builds the definition a {@link Draft} declares. When the builder finds the table malformed, finds the
 * declaration that makes it so: a problem of the states alone points at the {@code lifecycle} line, otherwise at
 * the first row, then no-op, then permission whose prefix of the table fails (adding a row never repairs an
 * earlier one, so a binary search over prefixes finds it in a logarithmic number of builds).
 */
final class Assembler {
    private final Draft draft;

    private Assembler(Draft draft) {
        this.draft = draft;
    }

    static Lifecycle build(Draft draft) {
        Assembler a = new Assembler(draft);
        int rows = draft.rows().size();
        int ignores = draft.ignores().size();
        int permits = draft.permits().size();
        try {
            return a.assemble(rows, ignores, permits);
        } catch (InvalidLifecycleException whole) {
            throw a.locate(whole, rows, ignores, permits);
        }
    }

    /** The error at the declaration that makes the table malformed; at line 1, column 1 if none can be singled out. */
    private RulesSyntaxException locate(InvalidLifecycleException whole, int rows, int ignores, int permits) {
        Optional<InvalidLifecycleException> states = problems(0, 0, 0);
        if (states.isPresent()) {
            return error(draft.header(), states.get());
        }
        int row = firstFailingPrefix(rows, n -> problems(n, 0, 0).isPresent());
        if (row > 0) {
            return error(draft.rows().get(row - 1).at(), problems(row, 0, 0).orElseThrow());
        }
        int ignore = firstFailingPrefix(ignores, n -> problems(rows, n, 0).isPresent());
        if (ignore > 0) {
            return error(draft.ignores().get(ignore - 1).at(), problems(rows, ignore, 0).orElseThrow());
        }
        int permit = firstFailingPrefix(permits, n -> problems(rows, ignores, n).isPresent());
        if (permit > 0) {
            return error(draft.permits().get(permit - 1).at(), problems(rows, ignores, permit).orElseThrow());
        }
        return error(null, whole);
    }

    /** The smallest {@code n} in 1..size for which the prefix of length n fails, or 0 when the whole list passes. */
    private static int firstFailingPrefix(int size, IntPredicate fails) {
        if (!fails.test(size)) {
            return 0;
        }
        int low = 1;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (fails.test(middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static RulesSyntaxException error(Token at, InvalidLifecycleException e) {
        String reason = String.join("; ", e.problems());
        return at == null ? new RulesSyntaxException(1, 1, reason) : at.error(reason);
    }

    private Optional<InvalidLifecycleException> problems(int rows, int ignores, int permits) {
        try {
            assemble(rows, ignores, permits);
            return Optional.empty();
        } catch (InvalidLifecycleException e) {
            return Optional.of(e);
        }
    }

    /** The definition with the first {@code rows} rows, {@code ignores} no-ops and {@code permits} permissions. */
    private Lifecycle assemble(int rows, int ignores, int permits) {
        LifecycleBuilder b = draft.base().map(base -> base.extend(draft.name()))
                .orElseGet(() -> Lifecycle.builder(draft.name()));
        draft.initialState().ifPresent(t -> b.initial(t.text()));
        for (Draft.StateDeclaration s : draft.states()) {
            switch (s.kind()) {
                case PLAIN -> b.state(s.name().text());
                case AGENT -> b.agentState(s.name().text());
                case FINAL -> b.finalState(s.name().text());
            }
        }
        draft.rows().subList(0, rows).forEach(r -> b.add(r.value()));
        draft.ignores().subList(0, ignores).forEach(i -> b.ignore(i.value().state(), i.value().event()));
        return b.policies(withPermits(draft.policies(), draft.permits().subList(0, permits))).build();
    }

    private static Policies withPermits(Policies p, List<Draft.Located<Draft.Permit>> permits) {
        Map<String, Set<Actor>> all = new LinkedHashMap<>(p.permissions());
        permits.forEach(permit -> all.put(permit.value().event(), permit.value().actors()));
        return new Policies(p.reopen(), p.idleTimeout(), p.agentCapacity(), p.assignment(), p.autoAssignOnOpen(),
                p.minimumRating(), all);
    }
}
