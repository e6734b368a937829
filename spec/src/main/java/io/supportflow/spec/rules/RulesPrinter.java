package io.supportflow.spec.rules;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Effect;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Ignore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.lifecycle.Transition;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes a definition as a stand-alone rules file, every section in declaration order. */
final class RulesPrinter {
    private final StringBuilder out = new StringBuilder();

    private RulesPrinter() {
    }

    static String print(Lifecycle d) {
        RulesPrinter p = new RulesPrinter();
        p.states(d);
        p.section(d.transitions(), RulesPrinter::row);
        p.section(d.ignores(), RulesPrinter::ignore);
        p.policies(d.policies());
        p.section(List.copyOf(d.policies().permissions().entrySet()), e -> permit(e.getKey(), e.getValue()));
        return p.out.toString();
    }

    private void states(Lifecycle d) {
        line("lifecycle " + d.name());
        line("initial " + d.initialState());
        d.states().stream().skip(1).forEach(s -> line(kind(d, s) + "state " + s));
    }

    private static String kind(Lifecycle d, String state) {
        return d.isFinal(state) ? "final " : d.holdsAgent(state) ? "agent " : "";
    }

    private <T> void section(List<T> items, Function<T, String> format) {
        if (!items.isEmpty()) {
            out.append('\n');
            items.forEach(item -> line(format.apply(item)));
        }
    }

    private static String row(Transition t) {
        StringBuilder s = new StringBuilder(t.reopen() ? "reopen " : "transition ")
                .append(t.source()).append(" --").append(t.event()).append("--> ").append(t.target());
        if (!t.guards().isEmpty()) {
            s.append(" when ").append(t.guards().stream().map(Guard::ruleName).collect(Collectors.joining(" & ")));
        }
        if (!t.effects().isEmpty()) {
            s.append(" do ").append(t.effects().stream().map(Effect::ruleName).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    private static String ignore(Ignore i) {
        return "ignore " + i.state() + " " + i.event();
    }

    private void policies(Policies p) {
        out.append('\n');
        line("policy reopen " + reopen(p.reopen()));
        line("policy idle-timeout " + (p.idleTimeout() == null ? "off" : p.idleTimeout()));
        line("policy capacity " + (p.agentCapacity() == null ? "unlimited" : p.agentCapacity()));
        line("policy assignment " + PolicyLine.strategyName(p.assignment()));
        line("policy auto-assign " + (p.autoAssignOnOpen() ? "on" : "off"));
        line("policy minimum-rating "
                + (p.minimumRating() == null ? "none" : "\"" + p.minimumRating().canonical() + "\""));
    }

    private static String reopen(ReopenPolicy policy) {
        if (policy instanceof ReopenPolicy.Within within) {
            return "within " + within.window();
        }
        return policy instanceof ReopenPolicy.Never ? "never" : "always";
    }

    private static String permit(String event, Set<Actor> actors) {
        String who = actors.isEmpty() ? "none"
                : actors.stream().sorted().map(RulesParser::actorName).collect(Collectors.joining(", "));
        return "permit " + event + " " + who;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
