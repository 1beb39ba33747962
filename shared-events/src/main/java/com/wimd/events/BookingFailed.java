package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/** The saga was compensated: the slot (and any promo use) is released and the client must be told. */
public record BookingFailed(
        UUID bookingId,
        Client client,
        Instant slotStart,
        String reason) implements BookingEvent {
}
