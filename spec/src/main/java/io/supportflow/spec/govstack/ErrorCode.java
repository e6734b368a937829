package io.supportflow.spec.govstack;

/**
 * The GovStack {@code Error.code} values this library answers with, each with its HTTP status.
 * The table in the README is generated from the same values.
 */
public enum ErrorCode {
    /** A field failed validation; {@code paths} names it. */
    INVALID_INPUT(400, "Correct the named field and send the request again."),
    /** An assignment needs {@code agent.id}. */
    AGENT_ID_REQUIRED(400, "Send the agent with an id."),
    /** PUT /support/{orderId} carried an agent other than the current one. */
    AGENT_CHANGE_NOT_ALLOWED(400, "Change the agent with PUT /support/{orderId}/agent."),
    /** No support session exists for the order. */
    SUPPORT_NOT_FOUND(404, "Open a session first with POST /support/{orderId}."),
    /** The session has no agent. */
    AGENT_NOT_FOUND(404, "Assign one with PUT /support/{orderId}/agent."),
    /** The actor may not fire this event under the permission policy. */
    ACTOR_NOT_PERMITTED(403, "Ask an actor with the permission to do it."),
    /** open on a session that is already open. */
    SESSION_ALREADY_OPEN(409, "Update it with PUT, or close it first."),
    /** The session is in a final state and the command does not apply there. */
    SESSION_CLOSED(409, "Reopen it with POST /support/{orderId}."),
    /** No row of the lifecycle takes this event in the session's state. */
    ILLEGAL_TRANSITION(409, "Check the session's state and the lifecycle diagram."),
    /** If-Match named a version other than the current one. */
    VERSION_MISMATCH(412, "Fetch the session again and retry with its current version."),
    /** A rule refused the command: the command needs an agent. */
    AGENT_REQUIRED(422, "Send an agent with the command."),
    /** A rule refused the command: the command must not carry an agent here. */
    AGENT_NOT_EXPECTED(422, "Send the command without an agent."),
    /** A rule refused the command: the agent is not the expected one. */
    AGENT_MISMATCH(422, "Check which agent the session has."),
    /** A rule refused the command: the agent is registered as unavailable. */
    AGENT_UNAVAILABLE(422, "Pick another agent or mark this one available."),
    /** A rule refused the command: the agent is at its capacity. */
    AGENT_AT_CAPACITY(422, "Pick another agent or end one of its assignments."),
    /** A rule refused the command: the agent's rating is below the minimum. */
    AGENT_RATING_TOO_LOW(422, "Pick an agent whose rating meets the policy."),
    /** A rule refused the command: the reopen policy forbids reopening now. */
    REOPEN_NOT_ALLOWED(422, "Open a new support request for a new order instead."),
    /** A rule refused the command: the session already has an agent. */
    AGENT_ALREADY_ASSIGNED(422, "Remove the current agent first."),
    /** assignNext found no eligible agent. */
    NO_AGENT_AVAILABLE(422, "Register or free an agent, then try again."),
    /** assignNext under the EXPLICIT strategy. */
    EXPLICIT_ASSIGNMENT_ONLY(422, "Assign an agent explicitly with PUT /support/{orderId}/agent.");

    private final int httpStatus;
    private final String nextStep;

    ErrorCode(int httpStatus, String nextStep) {
        this.httpStatus = httpStatus;
        this.nextStep = nextStep;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** What the caller should do next, one sentence. */
    public String nextStep() {
        return nextStep;
    }
}
