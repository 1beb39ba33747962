package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/** The saga completed: the session is booked, in the calendar, and the client can be told. */
public record BookingConfirmed(
        UUID bookingId,
        Client client,
        BookingType bookingType,
        Instant slotStart,
        Instant slotEnd,
        String calendarEventId) implements BookingEvent {
}
