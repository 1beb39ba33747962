package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Money went back to the client for this booking (a compensation, or a cancellation).
 *
 * @param client    who is refunded: notification-service tells them
 * @param slotStart the session the money was for
 */
public record PaymentRefunded(
        UUID bookingId,
        String paymentIntentId,
        String refundId,
        Money amount,
        String reason,
        Client client,
        Instant slotStart) implements BookingEvent {
}
