package io.supportflow.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportflow.engine.SupportEngine;
import io.supportflow.spec.model.AgentProfile;

/**
 * What support staff read about agents: each one's load (ACTIVE assignments) against its capacity, as
 * {@code {"id", "load", "capacity", "available", "registered"}}. The capacity is the registered one, else the
 * lifecycle's default, and null when unlimited. Each field is read when the reply is built; the reply is not one
 * atomic snapshot of a busy agent.
 */
final class AgentLoads {
    private final SupportEngine engine;

    AgentLoads(SupportEngine engine) {
        this.engine = engine;
    }

    /** The load of {@code agentId}; an unregistered agent is available, with the lifecycle's default capacity. */
    Reply of(String agentId) {
        AgentProfile profile = engine.agents().stream().filter(p -> p.agentId().equals(agentId)).findFirst()
                .orElse(null);
        return Reply.of(200, node(agentId, profile));
    }

    /** The load of every registered agent, by agent id. */
    Reply registered() {
        ArrayNode array = GovStackJson.mapper().createArrayNode();
        engine.agents().forEach(profile -> array.add(node(profile.agentId(), profile)));
        return Reply.of(200, array);
    }

    /** @param profile null when the agent is not registered */
    private ObjectNode node(String agentId, AgentProfile profile) {
        Integer capacity = profile == null || profile.capacity() == null
                ? engine.definition().policies().agentCapacity() : profile.capacity();
        ObjectNode node = GovStackJson.mapper().createObjectNode();
        node.put("id", agentId);
        node.put("load", engine.agentLoad(agentId));
        node.put("capacity", capacity);
        node.put("available", profile == null || profile.available());
        node.put("registered", profile != null);
        return node;
    }
}
