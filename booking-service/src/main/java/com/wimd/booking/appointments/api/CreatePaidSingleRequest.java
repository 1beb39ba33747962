package com.wimd.booking.appointments.api;

import java.util.Map;

/**
 * {@code POST /booking/create-paid-single}: a session paid by card (a succeeded Stripe PaymentIntent), with the
 * optional {@code client_timezone} and {@code notification_preferences} of every booking request.
 */
public record CreatePaidSingleRequest(
        String scheduledDatetime,
        String backupDatetime,
        String userPhone,
        String currency,
        String stripePaymentIntentId,
        String clientTimezone,
        Map<String, Object> notificationPreferences) {
}
