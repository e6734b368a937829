package io.supportflow.spec.rules;

import io.supportflow.spec.lifecycle.Actor;
import io.supportflow.spec.lifecycle.Ignore;
import io.supportflow.spec.lifecycle.Lifecycle;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.Transition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The declarations of a rules file as read so far, each with the token it starts at. Refuses declarations that
 * repeat one made earlier; {@link #resolve()} then checks every name a declaration refers to.
 */
final class Draft {

    enum StateKind { PLAIN, AGENT, FINAL }

    record StateDeclaration(Token name, StateKind kind) {
    }

    record Permit(String event, Set<Actor> actors) {
    }

    record Located<T>(T value, Token at) {
    }

    private static final int LISTED = 20;

    private Token header;
    private String name;
    private Lifecycle base;
    private Token initial;
    private final List<StateDeclaration> states = new ArrayList<>();
    private final List<Located<Transition>> rows = new ArrayList<>();
    private final List<Located<Ignore>> ignores = new ArrayList<>();
    private final List<Located<Permit>> permits = new ArrayList<>();
    private final List<Token> stateReferences = new ArrayList<>();
    private final Map<String, Token> policiesSet = new HashMap<>();
    private final Map<String, Token> permitted = new HashMap<>();
    private final Map<String, Token> declaredAt = new HashMap<>();
    private Policies policies = Policies.standard();

    boolean hasHeader() {
        return header != null;
    }

    void header(Token at, String lifecycleName, Lifecycle extended) {
        if (header != null) {
            throw at.error("the lifecycle is already declared on line " + header.line());
        }
        header = at;
        name = lifecycleName;
        base = extended;
        if (base != null) {
            policies = base.policies();
        }
    }

    void initial(Token state) {
        if (base != null) {
            throw state.error("the initial state is already declared by " + base.name() + " ("
                    + base.initialState() + ")");
        }
        if (initial != null) {
            throw state.error("the initial state is already declared on line " + initial.line());
        }
        declare(state);
        initial = state;
    }

    void state(Token state, StateKind kind) {
        declare(state);
        states.add(new StateDeclaration(state, kind));
    }

    void row(Transition row, Token at, Token source, Token target) {
        rows.add(new Located<>(row, at));
        stateReferences.add(source);
        stateReferences.add(target);
    }

    void ignore(Ignore ignore, Token at, Token state) {
        ignores.add(new Located<>(ignore, at));
        stateReferences.add(state);
    }

    void permit(Token event, Set<Actor> actors) {
        Token earlier = permitted.putIfAbsent(event.text(), event);
        if (earlier != null) {
            throw event.error("event " + event.text() + " is already permitted on line " + earlier.line());
        }
        permits.add(new Located<>(new Permit(event.text(), actors), event));
    }

    void policy(Token key, UnaryOperator<Policies> change) {
        Token earlier = policiesSet.putIfAbsent(key.text(), key);
        if (earlier != null) {
            throw key.error("policy " + key.text() + " is already set on line " + earlier.line());
        }
        policies = change.apply(policies);
    }

    /**
     * Checks that every state a row or no-op names is declared and every permitted event is named by a row or
     * no-op, reporting the first undeclared name in file order.
     */
    void resolve() {
        if (header == null) {
            throw new RulesSyntaxException(1, 1, "expected 'lifecycle NAME' as the first declaration, found none");
        }
        Set<String> declared = declaredStates();
        stateReferences.stream().filter(t -> !declared.contains(t.text()))
                .min(Draft::inFileOrder)
                .ifPresent(t -> {
                    throw t.error("expected a declared state (" + some(declared) + "), found " + t.shown());
                });
        Set<String> events = events();
        for (Located<Permit> p : permits) {
            if (!events.contains(p.value().event())) {
                throw p.at().error("expected an event that a transition or ignore names (" + some(events)
                        + "), found " + p.at().shown());
            }
        }
    }

    /** Up to {@value #LISTED} names for a message. */
    private static String some(Set<String> names) {
        String listed = names.stream().limit(LISTED).collect(Collectors.joining(", "));
        return names.size() > LISTED ? listed + ", ..." : listed;
    }

    private static int inFileOrder(Token a, Token b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
    }

    private void declare(Token state) {
        if (base != null && base.states().contains(state.text())) {
            throw state.error("state " + state.text() + " is already declared by " + base.name());
        }
        Token earlier = declaredAt.putIfAbsent(state.text(), state);
        if (earlier != null) {
            throw state.error("state " + state.text() + " is already declared on line " + earlier.line());
        }
    }

    private Set<String> declaredStates() {
        Set<String> all = new LinkedHashSet<>();
        if (base != null) {
            all.addAll(base.states());
        }
        initialState().ifPresent(t -> all.add(t.text()));
        states.forEach(s -> all.add(s.name().text()));
        return all;
    }

    private Set<String> events() {
        Set<String> all = new LinkedHashSet<>();
        if (base != null) {
            all.addAll(base.events());
        }
        rows.forEach(r -> all.add(r.value().event()));
        ignores.forEach(i -> all.add(i.value().event()));
        return all;
    }

    Token header() {
        return header;
    }

    String name() {
        return name;
    }

    Optional<Lifecycle> base() {
        return Optional.ofNullable(base);
    }

    Optional<Token> initialState() {
        return Optional.ofNullable(initial);
    }

    List<StateDeclaration> states() {
        return states;
    }

    List<Located<Transition>> rows() {
        return rows;
    }

    List<Located<Ignore>> ignores() {
        return ignores;
    }

    List<Located<Permit>> permits() {
        return permits;
    }

    Policies policies() {
        return policies;
    }
}
