package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The coach recorded how a session went, once it had started: the client was called ({@link #COMPLETED}) or did not
 * answer ({@link #NO_SHOW}). The booking is over; nothing is owed either way.
 */
public record SessionOutcomeRecorded(UUID bookingId, Client client, String outcome, Instant slotStart, Instant recordedAt)
        implements BookingEvent {

    public static final String COMPLETED = "COMPLETED";
    public static final String NO_SHOW = "NO_SHOW";
}
