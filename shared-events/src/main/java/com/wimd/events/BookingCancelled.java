package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A confirmed booking was cancelled, by its client or by the coach, and its slot is free again. What the change
 * costs was decided by booking-service (its change policy) and travels here, so every service acts on one decision:
 * payment-service refunds {@code refund} (a paid session) and charges {@code fee} to the card saved at purchase if
 * {@code feeCharged} (a late package session); calendar-service deletes the event; notification-service tells the
 * client and the coach.
 *
 * @param cancelledBy   CLIENT or COACH (a coach's cancellation always refunds in full)
 * @param late          under 24 hours before the session
 * @param refund        given back to the card the session was paid with (zero if none)
 * @param fee           what the change costs the client: kept from the payment, or charged if {@code feeCharged}
 * @param feeCharged    the fee is to be charged off-session to the card saved at the package's purchase
 * @param paymentIntentId the intent that paid the session (paid single), or null
 * @param packageId     the package the session came from, or null
 */
public record BookingCancelled(
        UUID bookingId,
        Client client,
        BookingType bookingType,
        Instant slotStart,
        Instant slotEnd,
        String calendarEventId,
        String cancelledBy,
        String reason,
        boolean late,
        Money refund,
        Money fee,
        boolean feeCharged,
        String paymentIntentId,
        UUID packageId) implements BookingEvent {
}
