package io.supportflow.engine;

/**
 * A snapshot of the engine's live resources, none of which grows with the number of stored sessions.
 *
 * @param liveMachines Spring state machines currently built (idle or lent out); at most {@code maxMachines}
 * @param maxMachines  the bound of the machine pool
 * @param lockedOrders orders with a command running or waiting right now
 */
public record EngineStats(int liveMachines, int maxMachines, int lockedOrders) {
}
