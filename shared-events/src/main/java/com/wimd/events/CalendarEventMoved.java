package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/** calendar-service moved a booking's event in the coach's calendar (the same event, a new time). */
public record CalendarEventMoved(UUID bookingId, String calendarEventId, Instant slotStart, Instant slotEnd)
        implements BookingEvent {
}
