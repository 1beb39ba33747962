package com.wimd.calendar.events.domain;


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

    public static SessionEvent forSession(SessionToSchedule session, String preparationNotes) {
        String who = session.client().name() == null || session.client().name().isBlank()
                ? "client" : session.client().name();
        String summary = "Coaching call: " + who + " (" + session.client().phone() + ")";
        String description = "Call " + who + " at " + session.client().phone() + ".\n"
                + (session.client().email() == null ? "" : "Email: " + session.client().email() + "\n")
                + "Booking: " + session.bookingId() + " (" + session.type().name().toLowerCase().replace('_', ' ') + ")\n"
                + "\nPreparation notes:\n" + preparationNotes;
        return new SessionEvent(eventIdFor(session.bookingId()), session.bookingId(), summary, description,
                session.start(), session.end());
    }

    /** "bk" + the booking id in hex: only base32hex characters, unique per booking. */
    public static String eventIdFor(UUID bookingId) {
        HexFormat hex = HexFormat.of();
        return "bk" + hex.toHexDigits(bookingId.getMostSignificantBits()) + hex.toHexDigits(bookingId.getLeastSignificantBits());
    }
}
