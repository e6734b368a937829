package io.supportflow.spec.lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a table is well formed; collects every problem before failing. */
final class LifecycleValidator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern STATE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern EVENT = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

    private final List<String> problems = new ArrayList<>();

    private LifecycleValidator() {
    }

    static void check(String name, String initial, List<String> states, List<String> finals, List<String> agentStates,
                      List<Transition> transitions, List<Ignore> ignores, Policies policies) {
        LifecycleValidator v = new LifecycleValidator();
        Set<String> declared = new HashSet<>(states);
        v.checkNames(name, initial, states);
        v.checkStateKinds(initial, states, declared, finals, agentStates);
        v.checkTransitions(initial, declared, Set.copyOf(finals), transitions);
        v.checkIgnores(initial, declared, transitions, ignores);
        v.checkPermissions(transitions, ignores, policies);
        if (!v.problems.isEmpty()) {
            throw new InvalidLifecycleException(v.problems);
        }
    }

    private void checkNames(String name, String initial, List<String> states) {
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name '" + name + "' must match " + NAME.pattern());
        }
        if (initial == null) {
            problems.add("no initial state declared");
        } else if (states.isEmpty() || !states.get(0).equals(initial)) {
            problems.add("initial state " + initial + " must be the first state");
        }
        Set<String> seen = new HashSet<>();
        for (String s : states) {
            if (!STATE.matcher(s).matches()) {
                problems.add("state '" + s + "' must match " + STATE.pattern());
            }
            if (!seen.add(s)) {
                problems.add("state " + s + " declared twice");
            }
        }
    }

    private void checkStateKinds(String initial, List<String> states, Set<String> declared, List<String> finals,
                                 List<String> agentStates) {
        if (finals.isEmpty()) {
            problems.add("no final state declared");
        }
        checkKind("final state", states, declared, finals);
        checkKind("agent state", states, declared, agentStates);
        for (String s : finals) {
            if (agentStates.contains(s)) {
                problems.add("final state " + s + " cannot hold an agent (P2)");
            }
        }
        if (initial != null && (finals.contains(initial) || agentStates.contains(initial))) {
            problems.add("initial state " + initial + " cannot be final or hold an agent");
        }
    }

    /** A kind lists declared states once each, in declaration order, so a definition has one representation. */
    private void checkKind(String kind, List<String> states, Set<String> declared, List<String> ofKind) {
        Set<String> seen = new HashSet<>();
        for (String s : ofKind) {
            if (!declared.contains(s)) {
                problems.add(kind + " " + s + " is not a declared state");
            }
            if (!seen.add(s)) {
                problems.add(kind + " " + s + " listed twice");
            }
        }
        Set<String> inDeclarationOrder = new LinkedHashSet<>();
        for (String s : states) {
            if (seen.contains(s)) {
                inDeclarationOrder.add(s);
            }
        }
        if (inDeclarationOrder.size() == ofKind.size() && !List.copyOf(inDeclarationOrder).equals(ofKind)) {
            problems.add(kind + "s " + ofKind + " must be listed in the order the states are declared");
        }
    }

    private void checkTransitions(String initial, Set<String> states, Set<String> finals, List<Transition> rows) {
        Set<List<Object>> keys = new HashSet<>();
        for (Transition t : rows) {
            String at = "row " + t.label() + ": ";
            if (!states.contains(t.source())) {
                problems.add(at + "unknown source state " + t.source());
            }
            if (!states.contains(t.target())) {
                problems.add(at + "unknown target state " + t.target());
            }
            if (!EVENT.matcher(t.event()).matches()) {
                problems.add(at + "event '" + t.event() + "' must match " + EVENT.pattern());
            }
            if (t.target().equals(initial)) {
                problems.add(at + "nothing may enter the initial state " + initial);
            }
            if (finals.contains(t.source()) && !t.reopen()) {
                problems.add(at + "leaves final state " + t.source() + " but is not a declared reopen");
            }
            if (t.reopen() && !finals.contains(t.source())) {
                problems.add(at + "is a reopen but " + t.source() + " is not a final state");
            }
            if (!keys.add(List.of(t.source(), t.event(), Set.copyOf(t.guards())))) {
                problems.add(at + "duplicate (state, event, guards)");
            }
        }
    }

    private void checkIgnores(String initial, Set<String> states, List<Transition> rows, List<Ignore> ignores) {
        Set<Ignore> rowKeys = new HashSet<>();
        for (Transition t : rows) {
            rowKeys.add(new Ignore(t.source(), t.event()));
        }
        Set<Ignore> seen = new HashSet<>();
        for (Ignore i : ignores) {
            if (i.state().equals(initial)) {
                problems.add("no-op " + i.state() + "/" + i.event() + ": the initial state has no session to return");
            }
            if (!states.contains(i.state())) {
                problems.add("no-op " + i.state() + "/" + i.event() + ": unknown state");
            }
            if (!EVENT.matcher(i.event()).matches()) {
                problems.add("no-op " + i.state() + "/" + i.event() + ": event must match " + EVENT.pattern());
            }
            if (!seen.add(i)) {
                problems.add("no-op " + i.state() + "/" + i.event() + " declared twice");
            }
            if (rowKeys.contains(i)) {
                problems.add("no-op " + i.state() + "/" + i.event() + " shadows a row with the same state and event");
            }
        }
    }

    private void checkPermissions(List<Transition> rows, List<Ignore> ignores, Policies policies) {
        Set<String> events = new HashSet<>();
        for (Transition t : rows) {
            events.add(t.event());
        }
        for (Ignore i : ignores) {
            events.add(i.event());
        }
        for (String event : policies.permissions().keySet()) {
            if (!events.contains(event)) {
                problems.add("permission for unknown event " + event);
            }
        }
    }
}
