package com.wimd.calendar.events.domain;

import java.time.Instant;

/** A time the coach's calendar is busy, [start, end). */
public record BusyTime(Instant start, Instant end) {

    public BusyTime {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a busy time must end after it starts: " + start + " " + end);
        }
    }
}
