package io.supportflow.engine.rest;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Validation;
import io.supportflow.spec.govstack.Violation;

/**
 * The agent id of a request path, checked by the GovStack {@link Validation} rule (1 to 128 of
 * A-Z a-z 0-9 . _ : @ -).
 */
final class AgentIds {

    private AgentIds() {
    }

    /**
     * Returns {@code raw} (still percent-encoded, so {@code %} never passes) when it is a valid agent id.
     *
     * @throws Failure.Rejected INVALID_INPUT naming {@code agentId} otherwise
     */
    static String check(String raw) {
        Inputs.requireValid(Validation.agent(Agent.withId(raw)).stream()
                .map(violation -> new Violation("agentId", violation.rule())).toList());
        return raw;
    }
}
