package io.supportflow.properties;

import io.supportflow.spec.model.AgentProfile;

import java.util.List;

/**
 * Who takes part in a run: the order ids commands name, the agent ids they may carry, and the agents registered with
 * the engine and the model before the first command (the others are unregistered).
 */
record Cast(List<String> orders, List<String> agents, List<AgentProfile> registered) {
    Cast {
        orders = List.copyOf(orders);
        agents = List.copyOf(agents);
        registered = List.copyOf(registered);
    }
}
