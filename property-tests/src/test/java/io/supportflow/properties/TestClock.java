package io.supportflow.properties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that only moves when a test moves it; shared by the engine and the reference model. Thread-safe. */
final class TestClock extends Clock {
    /** Where every run starts. */
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    TestClock() {
        this.now = START;
    }

    void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock stays in UTC");
    }
}
