package com.wimd.booking.availability.domain;

import com.wimd.events.BusyInterval;

import java.time.Instant;
import java.util.List;

/** The coach's busy times from their calendar: a session may not overlap one. */
public record BusyTimes(List<BusyInterval> intervals) {

    public static final BusyTimes NONE = new BusyTimes(List.of());

    public BusyTimes {
        intervals = List.copyOf(intervals);
    }

    /** Whether [start, end) overlaps a busy time (touching ends do not overlap). */
    public boolean overlaps(Instant start, Instant end) {
        for (BusyInterval busy : intervals) {
            if (busy.start().isBefore(end) && start.isBefore(busy.end())) {
                return true;
            }
        }
        return false;
    }
}
