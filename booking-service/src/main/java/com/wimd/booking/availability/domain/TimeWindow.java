package com.wimd.booking.availability.domain;

import java.time.LocalTime;

/** Part of a day, [start, end), in the coach's zone. */
public record TimeWindow(LocalTime start, LocalTime end) {

    public TimeWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window must end after it starts: " + start + "-" + end);
        }
    }

    public boolean contains(LocalTime from, LocalTime to) {
        return !from.isBefore(start) && !to.isAfter(end) && from.isBefore(to);
    }
}
