package com.wimd.booking.appointments.api;

import java.util.List;
import java.util.UUID;

/** {@code GET /booking/my-appointments}: upcoming (soonest first), past (latest first) and packages. */
public record MyAppointments(List<AppointmentView> upcoming, List<AppointmentView> past, List<PackageView> packages) {

    public record PackageView(UUID packageId, int sessionsTotal, int sessionsRemaining) {
    }
}
