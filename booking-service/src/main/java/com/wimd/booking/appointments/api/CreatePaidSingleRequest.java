package com.wimd.booking.appointments.api;

/** {@code POST /booking/create-paid-single}: a session paid by card (a succeeded Stripe PaymentIntent). */
public record CreatePaidSingleRequest(
        String scheduledDatetime,
        String backupDatetime,
        String userPhone,
        String currency,
        String stripePaymentIntentId) {
}
