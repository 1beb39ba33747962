package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A late reschedule whose fee was charged could not move the booking after all: the day it was to move to was blocked
 * by the coach while the fee was being charged. The booking stays where it was, and payment-service gives the fee
 * back (its refund, keyed by the booking and {@code step}, is made once).
 *
 * @param step               the fee's step ({@code reschedule-<n>} or {@code reschedule-<n>-<k>}), as in its
 *                           {@link LateFeeCharged}
 * @param feePaymentIntentId the fee's own PaymentIntent, to refund
 * @param slotStart          when the session is, as before (it stays there)
 * @param toStart            where the booking was to move
 * @param reason             why it did not, in the client's words
 */
public record RescheduleWithdrawn(
        UUID bookingId,
        Client client,
        String step,
        Money fee,
        String feePaymentIntentId,
        Instant slotStart,
        Instant toStart,
        String reason) implements BookingEvent {
}
