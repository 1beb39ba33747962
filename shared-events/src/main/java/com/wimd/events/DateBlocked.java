package com.wimd.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The coach blocked a date (in the coach's zone), and what it did to the bookings on it: each moved to its backup
 * slot, or cancelled in the client's favour; bookings still mid-saga are settled the same way when their saga ends.
 * The bookings' own events (BookingRescheduled, BookingCancelled) move their money and calendar events; this one tells
 * the coach what happened.
 */
public record DateBlocked(LocalDate date, String reason, List<UUID> moved, List<UUID> cancelled, List<UUID> pending,
                          Instant blockedAt) implements CoachCalendarEvent {

    public DateBlocked {
        moved = moved == null ? List.of() : List.copyOf(moved);
        cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    @Override
    public UUID correlationId() {
        return CoachCalendarEvent.keyOf("date-blocked:" + date);
    }
}
