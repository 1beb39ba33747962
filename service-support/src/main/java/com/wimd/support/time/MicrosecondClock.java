package com.wimd.support.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock whose instants are truncated to microseconds, PostgreSQL's timestamptz precision: an instant answered
 * right after a write is then the one read back later. ({@code Clock.tick} with a sub-millisecond tick cannot
 * serve: its {@code millis()} divides by zero.)
 */
public final class MicrosecondClock extends Clock {

    private final Clock base;

    public MicrosecondClock(Clock base) {
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(base.withZone(zone));
    }

    @Override
    public Instant instant() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return base.millis();
    }
}
