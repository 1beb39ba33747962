package com.wimd.events;

import java.util.UUID;

/** Money went back to the client for this booking (a compensation, or a cancellation). */
public record PaymentRefunded(
        UUID bookingId,
        String paymentIntentId,
        String refundId,
        Money amount,
        String reason) implements BookingEvent {
}
