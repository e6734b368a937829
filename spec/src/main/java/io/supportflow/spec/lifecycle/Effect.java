package io.supportflow.spec.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented set of named effects a transition applies, in the order listed on the transition.
 * Effects change the session's data and assignments; the state change itself is the transition's.
 */
public enum Effect {
    /** Details := the command body (its agent removed); the session has no agent afterwards. */
    OPEN("open"),
    /** Details := the command body; the agent is kept. */
    UPDATE("update"),
    /** Ends the ACTIVE assignment (REASSIGNED) if any, sets the command's agent and starts an ACTIVE assignment. */
    ASSIGN("assign"),
    /** Replaces the agent's details; the agent id and the ACTIVE assignment stay. */
    UPDATE_AGENT("updateAgent"),
    /**
     * Ends the ACTIVE assignment and clears the agent. The end reason follows the event: {@code close} gives
     * SESSION_CLOSED, {@code idleTimeout} gives EXPIRED, any other event REMOVED.
     */
    RELEASE("release");

    private final String ruleName;

    Effect(String ruleName) {
        this.ruleName = ruleName;
    }

    /** The name used in rules files and diagrams, e.g. {@code release}. */
    public String ruleName() {
        return ruleName;
    }

    /** The effect with this rules-file name, if any. */
    public static Optional<Effect> byRuleName(String name) {
        return Arrays.stream(values()).filter(e -> e.ruleName.equals(name)).findFirst();
    }
}
