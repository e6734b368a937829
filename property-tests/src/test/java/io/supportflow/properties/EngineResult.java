package io.supportflow.properties;

import io.supportflow.engine.SupportException;
import io.supportflow.spec.model.Session;

import java.util.function.Supplier;

/** What the engine answered to one command: a session, or a refusal. Any other exception is not caught. */
sealed interface EngineResult {

    record Answered(Session session) implements EngineResult {
    }

    record Refused(SupportException refusal) implements EngineResult {
        @Override
        public String toString() {
            return "Refused[" + refusal.code() + " at " + refusal.paths() + ": " + refusal.getMessage() + "]";
        }
    }

    static EngineResult of(Supplier<Session> command) {
        try {
            return new Answered(command.get());
        } catch (SupportException e) {
            return new Refused(e);
        }
    }
}
