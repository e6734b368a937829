package io.supportflow.spec.lifecycle;

import io.supportflow.spec.govstack.ErrorCode;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented set of named guards a transition may require (all of its guards must hold).
 * Each guard reads the session, the command and the policies; none has side effects. A transition
 * refused by a guard is reported with that guard's {@link #refusal() error code}.
 */
public enum Guard {
    /** The command carries an agent with an id. */
    AGENT_GIVEN("agentGiven", ErrorCode.AGENT_REQUIRED),
    /** The command carries no agent. */
    NO_AGENT_GIVEN("noAgentGiven", ErrorCode.AGENT_NOT_EXPECTED),
    /** The command's agent id equals the session's current agent id. */
    SAME_AGENT("sameAgent", ErrorCode.AGENT_MISMATCH),
    /** The command's agent id differs from the session's current agent id (or the session has none). */
    OTHER_AGENT("otherAgent", ErrorCode.AGENT_MISMATCH),
    /** The command's agent is not registered as unavailable (unregistered agents are available). */
    AGENT_AVAILABLE("agentAvailable", ErrorCode.AGENT_UNAVAILABLE),
    /** The command's agent has fewer ACTIVE assignments on other orders than its capacity (P3). */
    WITHIN_CAPACITY("withinCapacity", ErrorCode.AGENT_AT_CAPACITY),
    /** The command's agent rating satisfies the minimum-rating policy (always true without one). */
    RATING_MET("ratingMet", ErrorCode.AGENT_RATING_TOO_LOW),
    /** The reopen policy allows reopening this closed session now. */
    REOPEN_ALLOWED("reopenAllowed", ErrorCode.REOPEN_NOT_ALLOWED),
    /** The session has an agent. */
    HAS_AGENT("hasAgent", ErrorCode.AGENT_NOT_FOUND),
    /** The session has no agent. */
    NO_AGENT("noAgent", ErrorCode.AGENT_ALREADY_ASSIGNED);

    private final String ruleName;
    private final ErrorCode refusal;

    Guard(String ruleName, ErrorCode refusal) {
        this.ruleName = ruleName;
        this.refusal = refusal;
    }

    /** The name used in rules files and diagrams, e.g. {@code withinCapacity}. */
    public String ruleName() {
        return ruleName;
    }

    /** The GovStack error code reported when this guard is the one that refused a command. */
    public ErrorCode refusal() {
        return refusal;
    }

    /** The guard with this rules-file name, if any. */
    public static Optional<Guard> byRuleName(String name) {
        return Arrays.stream(values()).filter(g -> g.ruleName.equals(name)).findFirst();
    }
}
