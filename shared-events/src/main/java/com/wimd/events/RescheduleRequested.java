package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A late reschedule waits for its fee: booking-service holds the new slot (the old one too) and asks payment-service
 * to charge {@code fee} off-session to the card saved when the session (or its package) was paid. The answer is
 * {@link LateFeeCharged} (the booking moves) or {@link FeeChargeFailed} (it stays as it was), with this {@code step}.
 *
 * @param step {@code reschedule-<n>}, n counting this booking's reschedules
 */
public record RescheduleRequested(
        UUID bookingId,
        Client client,
        BookingType bookingType,
        String step,
        Money fee,
        Instant fromStart,
        Instant toStart,
        String paymentIntentId,
        UUID packageId) implements BookingEvent {
}
