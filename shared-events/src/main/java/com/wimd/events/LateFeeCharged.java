package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A late change's fee was charged off-session to the card the client saved at purchase.
 *
 * @param step            which change it paid for: {@code cancel}, or {@code reschedule-<n>} (the n-th reschedule);
 *                        with the booking id, the key that makes the charge happen once
 * @param paymentIntentId the fee's own PaymentIntent
 */
public record LateFeeCharged(
        UUID bookingId,
        Client client,
        String step,
        Money fee,
        String paymentIntentId,
        Instant slotStart) implements BookingEvent {

    /** The step of a late cancellation's fee. */
    public static final String CANCEL = "cancel";

    /** The step of the fee of a booking's {@code n}-th reschedule. */
    public static String reschedule(int n) {
        return "reschedule-" + n;
    }
}
