package io.supportflow.spec.model;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.lifecycle.AssignmentStrategy;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Picks an agent by the assignment strategy among registered, available, eligible agents. */
final class AgentPicker {

    private AgentPicker() {
    }

    static Optional<Agent> pick(AssignmentStrategy strategy, GuardContext context) {
        String current = context.session() == null || context.session().agent() == null
                ? null : context.session().agent().id();
        List<AgentProfile> candidates = context.world().agents().stream()
                .filter(p -> !Objects.equals(p.agentId(), current))
                .filter(p -> Guards.eligible(p.agent(), context))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        AgentProfile picked = switch (strategy) {
            case ROUND_ROBIN -> nextAfter(context.world().lastAssignedAgent().orElse(null), candidates);
            case LEAST_LOADED -> leastLoaded(candidates, context.world());
            case EXPLICIT -> throw new IllegalArgumentException("explicit assignment picks no agent");
        };
        return Optional.of(picked.agent());
    }

    private static AgentProfile leastLoaded(List<AgentProfile> candidates, World world) {
        return candidates.stream()
                .min(Comparator.comparingInt((AgentProfile p) -> world.activeAssignments(p.agentId(), null))
                        .thenComparing(AgentProfile::agentId))
                .orElseThrow();
    }

    private static AgentProfile nextAfter(String last, List<AgentProfile> candidates) {
        return candidates.stream()
                .filter(p -> last == null || p.agentId().compareTo(last) > 0)
                .findFirst()
                .orElse(candidates.get(0));
    }
}
