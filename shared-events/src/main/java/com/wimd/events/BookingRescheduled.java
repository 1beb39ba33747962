package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed booking moved to another slot; it keeps its id, its payment and its calendar event (which
 * calendar-service moves). The old slot is free again.
 *
 * @param previousStart   where it was
 * @param rescheduleCount how many times the client has moved it (the coach's moves do not count)
 * @param rescheduledBy   CLIENT or COACH
 * @param fee             what the move cost (charged before it was made; zero when free)
 */
public record BookingRescheduled(
        UUID bookingId,
        Client client,
        BookingType bookingType,
        Instant previousStart,
        Instant slotStart,
        Instant slotEnd,
        Instant backupStart,
        String calendarEventId,
        int rescheduleCount,
        String rescheduledBy,
        Money fee) implements BookingEvent {
}
