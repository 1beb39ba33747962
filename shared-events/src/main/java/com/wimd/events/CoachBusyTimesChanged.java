package com.wimd.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The coach's busy times on one day (in the coach's zone) changed in their calendar: {@code busy} is the whole day's
 * list now (not a difference), without the sessions this system booked itself. Emitted only when a day changes.
 *
 * @param asOf when the calendar was read
 */
public record CoachBusyTimesChanged(LocalDate day, List<BusyInterval> busy, Instant asOf) implements CoachCalendarEvent {

    public CoachBusyTimesChanged {
        busy = busy == null ? List.of() : List.copyOf(busy);
    }

    @Override
    public UUID correlationId() {
        return CoachCalendarEvent.keyOf("coach-busy:" + day);
    }
}
