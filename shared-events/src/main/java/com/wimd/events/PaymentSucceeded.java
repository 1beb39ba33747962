package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * payment-service verified that the booking's PaymentIntent is this client's, for this product, amount and
 * currency, has succeeded, and pays for no other booking. Carries what the calendar step needs.
 */
public record PaymentSucceeded(
        UUID bookingId,
        String paymentIntentId,
        Money amount,
        Client client,
        BookingType bookingType,
        Instant slotStart,
        Instant slotEnd) implements BookingEvent {
}
