package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/** The session is in the coach's calendar. */
public record CalendarEventCreated(
        UUID bookingId,
        String calendarEventId,
        Instant slotStart,
        Instant slotEnd) implements BookingEvent {
}
