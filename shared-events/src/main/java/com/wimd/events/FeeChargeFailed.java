package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A late change's fee could not be charged to the saved card (declined, or no card saved). For a cancelled package
 * session the credit is forfeited instead; a reschedule is refused. The coach is told.
 *
 * @param step   {@code cancel}, or {@code reschedule-<n>}
 * @param reason what the card's bank or the provider said
 */
public record FeeChargeFailed(
        UUID bookingId,
        Client client,
        String step,
        Money fee,
        String reason,
        Instant slotStart) implements BookingEvent {
}
