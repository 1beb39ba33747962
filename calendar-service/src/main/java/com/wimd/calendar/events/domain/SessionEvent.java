package com.wimd.calendar.events.domain;

import com.wimd.events.BookingRequested;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The event the coach sees for one session: who to call, at which number, when, and how to prepare.
 *
 * @param id a deterministic id derived from the booking, so a retried insert cannot create a second event
 *           (Google accepts client-chosen ids of base32hex characters: a-v and 0-9)
 */
public record SessionEvent(String id, UUID bookingId, String summary, String description, Instant start, Instant end) {

    public static SessionEvent forBooking(BookingRequested booking, String preparationNotes) {
        String who = booking.client().name() == null || booking.client().name().isBlank()
                ? "client" : booking.client().name();
        String summary = "Coaching call: " + who + " (" + booking.client().phone() + ")";
        String description = "Call " + who + " at " + booking.client().phone() + ".\n"
                + (booking.client().email() == null ? "" : "Email: " + booking.client().email() + "\n")
                + "Booking: " + booking.bookingId() + " (" + booking.bookingType().name().toLowerCase().replace('_', ' ') + ")\n"
                + "\nPreparation notes:\n" + preparationNotes;
        return new SessionEvent(eventIdFor(booking.bookingId()), booking.bookingId(), summary, description,
                booking.slotStart(), booking.slotEnd());
    }

    /** "bk" + the booking id in hex: only base32hex characters, unique per booking. */
    public static String eventIdFor(UUID bookingId) {
        HexFormat hex = HexFormat.of();
        return "bk" + hex.toHexDigits(bookingId.getMostSignificantBits()) + hex.toHexDigits(bookingId.getLeastSignificantBits());
    }
}
