package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.Guard;
import io.supportflow.spec.lifecycle.Policies;
import io.supportflow.spec.lifecycle.ReopenPolicy;
import io.supportflow.spec.rating.RatingExpression;

import java.util.Objects;
import java.util.regex.Pattern;

/** The meaning of each named guard. */
final class Guards {
    /** GovStack DecimalValue: the only agent ratings a minimum-rating policy can compare. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]*[.])?[0-9]+");

    private Guards() {
    }

    static boolean holds(Guard guard, GuardContext c) {
        return switch (guard) {
            case AGENT_GIVEN -> c.agent() != null;
            case NO_AGENT_GIVEN -> c.agent() == null;
            case SAME_AGENT -> c.agent() != null && Objects.equals(currentAgentId(c), c.agent().id());
            case OTHER_AGENT -> c.agent() != null && !Objects.equals(currentAgentId(c), c.agent().id());
            case AGENT_AVAILABLE -> c.agent() != null && available(c);
            case WITHIN_CAPACITY -> c.agent() != null && withinCapacity(c.agent().id(), c);
            case RATING_MET -> c.agent() != null && ratingMet(c.agent(), c);
            case REOPEN_ALLOWED -> reopenAllowed(c);
            case HAS_AGENT -> currentAgentId(c) != null;
            case NO_AGENT -> currentAgentId(c) == null;
        };
    }

    static boolean eligible(Agent agent, GuardContext c) {
        return c.world().agent(agent.id()).map(AgentProfile::available).orElse(true)
                && withinCapacity(agent.id(), c) && ratingMet(agent, c);
    }

    private static String currentAgentId(GuardContext c) {
        return c.session() == null || c.session().agent() == null ? null : c.session().agent().id();
    }

    private static boolean available(GuardContext c) {
        return c.world().agent(c.agent().id()).map(AgentProfile::available).orElse(true);
    }

    private static boolean withinCapacity(String agentId, GuardContext c) {
        Integer capacity = c.world().agent(agentId).map(AgentProfile::capacity)
                .orElse(null);
        if (capacity == null) {
            capacity = c.definition().policies().agentCapacity();
        }
        return capacity == null || c.world().activeAssignments(agentId, c.command().orderId()) < capacity;
    }

    private static boolean ratingMet(Agent agent, GuardContext c) {
        RatingExpression minimum = c.definition().policies().minimumRating();
        if (minimum == null) {
            return true;
        }
        String rating = agent.rating();
        return rating != null && DECIMAL.matcher(rating).matches() && minimum.test(Double.parseDouble(rating));
    }

    private static boolean reopenAllowed(GuardContext c) {
        Policies policies = c.definition().policies();
        if (policies.reopen() instanceof ReopenPolicy.Within within) {
            return c.session() != null && c.session().closedAt() != null
                    && !c.now().isAfter(c.session().closedAt().plus(within.window()));
        }
        return policies.reopen() instanceof ReopenPolicy.Always;
    }
}
