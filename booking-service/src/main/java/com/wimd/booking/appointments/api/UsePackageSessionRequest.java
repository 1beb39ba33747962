package com.wimd.booking.appointments.api;

import java.util.UUID;

/** {@code POST /booking/use-package-session}: one session from a paid package. */
public record UsePackageSessionRequest(
        UUID packageId,
        String scheduledDatetime,
        String backupDatetime,
        String userPhone) {
}
