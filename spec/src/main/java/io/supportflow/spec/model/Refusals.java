package io.supportflow.spec.model;

import io.supportflow.spec.govstack.ErrorCode;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Transition;

import java.util.List;

/** Explains why no row took a command. */
final class Refusals {

    private Refusals() {
    }

    static Outcome.Refused of(ErrorCode code, String what) {
        return new Outcome.Refused(code, what + ". " + code.nextStep(), null);
    }

    static Outcome.Refused of(ErrorCode code, String what, String paths) {
        return new Outcome.Refused(code, what + ". " + code.nextStep(), paths);
    }

    static Outcome.Refused noRowEnabled(GuardContext c) {
        List<Transition> rows = c.definition().transitionsFrom(c.state(), c.event());
        if (rows.isEmpty()) {
            return noRow(c);
        }
        Transition furthest = rows.get(0);
        int best = -1;
        for (Transition row : rows) {
            int passed = guardsPassed(row, c);
            if (passed > best) {
                best = passed;
                furthest = row;
            }
        }
        if (best == furthest.guards().size()) {
            return of(ErrorCode.AGENT_REQUIRED, "order " + c.command().orderId() + ": " + c.event() + " in state "
                    + c.state() + " assigns an agent, but the command carries none");
        }
        Guard failed = furthest.guards().get(best);
        return of(failed.refusal(), "order " + c.command().orderId() + ": " + c.event() + " in state " + c.state()
                + " refused by rule " + failed.ruleName());
    }

    private static Outcome.Refused noRow(GuardContext c) {
        Lifecycle d = c.definition();
        String what = "order " + c.command().orderId() + ": " + c.event() + " is not allowed in state " + c.state();
        if (c.session() == null) {
            return of(ErrorCode.SUPPORT_NOT_FOUND, "order " + c.command().orderId() + " has no support session");
        }
        if (d.isFinal(c.state())) {
            return of(ErrorCode.SESSION_CLOSED, what);
        }
        if (!d.transitionsFrom(d.initialState(), c.event()).isEmpty()) {
            return of(ErrorCode.SESSION_ALREADY_OPEN, what);
        }
        return of(ErrorCode.ILLEGAL_TRANSITION, what);
    }

    private static int guardsPassed(Transition row, GuardContext c) {
        int passed = 0;
        for (Guard g : row.guards()) {
            if (!Guards.holds(g, c)) {
                return passed;
            }
            passed++;
        }
        return passed;
    }
}
