package io.supportflow.engine;

import io.supportflow.spec.govstack.Agent;
import io.supportflow.spec.govstack.Chat;
import io.supportflow.spec.govstack.Descriptor;
import io.supportflow.spec.govstack.Support;

import java.time.Instant;

/** Bodies and agents the engine tests share. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {
    }

    static Support body(String name) {
        return new Support(Descriptor.named(name), null, "+49 30 1234567", new Chat("https://chat.example/1", "s1"),
                null, null);
    }

    static Agent rated(String id, String rating) {
        return new Agent(id, null, null, null, rating);
    }
}
