package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client asked for a session and booking-service is holding the slot. Starts the saga.
 *
 * @param backupStart     the slot the client would move to if the coach blocks the date; null if none
 * @param promoCode       set for {@link BookingType#FREE} bookings
 * @param price           what the session costs; zero for free and package sessions
 * @param paymentIntentId the Stripe PaymentIntent that pays a {@link BookingType#PAID_SINGLE} session
 * @param packageId       the package a {@link BookingType#PACKAGE} session takes its credit from
 */
public record BookingRequested(
        UUID bookingId,
        Client client,
        BookingType bookingType,
        Instant slotStart,
        Instant slotEnd,
        Instant backupStart,
        String promoCode,
        Money price,
        String paymentIntentId,
        UUID packageId) implements BookingEvent {
}
