package com.wimd.booking.appointments.api;

import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /booking/use-package-session}: one session from a paid package, with the optional
 * {@code client_timezone} and {@code notification_preferences} of every booking request.
 */
public record UsePackageSessionRequest(
        UUID packageId,
        String scheduledDatetime,
        String backupDatetime,
        String userPhone,
        String clientTimezone,
        Map<String, Object> notificationPreferences) {
}
