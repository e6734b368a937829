package io.supportflow.properties;

import io.supportflow.spec.model.Command;

/** A command one thread ran and what the engine answered once it returned. */
record Ack(int thread, int index, Command command, EngineResult result) {

    /** The session version the answer carries; 0 for a refusal. */
    long version() {
        return result instanceof EngineResult.Answered a ? a.session().version() : 0;
    }

    @Override
    public String toString() {
        return "thread " + thread + " #" + index + " " + Describe.command(command) + " -> " + result;
    }
}
