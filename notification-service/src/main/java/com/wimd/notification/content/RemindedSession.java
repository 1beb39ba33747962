package com.wimd.notification.content;

import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.BookingType;
import com.wimd.events.Client;
import com.wimd.events.EventPayload;

import java.time.Instant;
import java.util.UUID;

/**
 * The session a reminder is about, as the last event that set its time said it: a confirmation, or a move (a
 * reschedule or a move to the backup time). Pure.
 */
public record RemindedSession(UUID bookingId, Client client, BookingType type, Instant start, Instant end) {

    /** The events that set a session's time, and so its reminder's. */
    public static boolean setsTheTime(EventPayload event) {
        return event instanceof BookingConfirmed || event instanceof BookingRescheduled;
    }

    public static RemindedSession of(EventPayload event) {
        if (event instanceof BookingConfirmed e) {
            return new RemindedSession(e.bookingId(), e.client(), e.bookingType(), e.slotStart(), e.slotEnd());
        }
        if (event instanceof BookingRescheduled e) {
            return new RemindedSession(e.bookingId(), e.client(), e.bookingType(), e.slotStart(), e.slotEnd());
        }
        throw new IllegalArgumentException("a reminder follows a confirmation or a move, not " + event.getClass().getSimpleName());
    }
}
