package com.wimd.booking.appointments.api;

import java.util.Map;

/**
 * {@code POST /booking/create-free}. Date-times are ISO-8601 with an offset ({@code 2026-12-07T10:00:00-05:00}
 * or {@code ...Z}); without one they are read in the coach's zone. {@code client_timezone} (an IANA zone id, the
 * browser's) and {@code notification_preferences} are optional, as on every booking request (see
 * {@link NotificationChoices}).
 */
public record CreateFreeBookingRequest(
        String scheduledDatetime,
        String backupDatetime,
        String userPhone,
        String promoCode,
        String clientTimezone,
        Map<String, Object> notificationPreferences) {
}
