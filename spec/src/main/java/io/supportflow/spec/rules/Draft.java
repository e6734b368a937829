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
        refuseRedeclaration(state);
        initial = state;
    }

    void state(Token state, StateKind kind) {
        refuseRedeclaration(state);
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
        permits.stream().filter(p -> p.value().event().equals(event.text())).findFirst().ifPresent(p -> {
            throw event.error("event " + event.text() + " is already permitted on line " + p.at().line());
        });
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
                    throw t.error("expected a declared state (" + String.join(", ", declared) + "), found "
                            + t.shown());
                });
        Set<String> events = events();
        for (Located<Permit> p : permits) {
            if (!events.contains(p.value().event())) {
                throw p.at().error("expected an event that a transition or ignore names ("
                        + String.join(", ", events) + "), found " + p.at().shown());
            }
        }
    }

    private static int inFileOrder(Token a, Token b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
    }

    private void refuseRedeclaration(Token state) {
        whereDeclared(state.text()).ifPresent(where -> {
            throw state.error("state " + state.text() + " is already declared " + where);
        });
    }

    private Optional<String> whereDeclared(String state) {
        if (base != null && base.states().contains(state)) {
            return Optional.of("by " + base.name());
        }
        if (initial != null && initial.text().equals(state)) {
            return Optional.of("on line " + initial.line());
        }
        return states.stream().filter(s -> s.name().text().equals(state)).findFirst()
                .map(s -> "on line " + s.name().line());
    }

    private Set<String> declaredStates() {
        Set<String> all = new LinkedHashSet<>();
        if (base != null) {
            all.addAll(base.states());
        }
        if (initial != null) {
            all.add(initial.text());
        }
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
