package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A late change's fee was charged off-session to the card the client saved at purchase.
 *
 * @param step            which change it paid for: {@code cancel}, or {@code reschedule-<n>} (the first try of the n-th
 *                        reschedule), {@code reschedule-<n>-<k>} (its k-th try, after earlier ones were declined);
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

    /** The step of the fee of the first try of a booking's {@code n}-th reschedule. */
    public static String reschedule(int n) {
        return reschedule(n, 1);
    }

    /**
     * The step of the fee of the {@code attempt}-th try of a booking's {@code n}-th reschedule: every try is its own
     * step, so a try after a declined fee is charged (or declined) anew instead of finding the declined one. The first
     * try keeps the name {@code reschedule-<n>} that earlier versions gave every try.
     */
    public static String reschedule(int n, int attempt) {
        if (n < 1 || attempt < 1) {
            throw new IllegalArgumentException("a reschedule and its try count from 1");
        }
        return attempt == 1 ? "reschedule-" + n : "reschedule-" + n + "-" + attempt;
    }
}
