package com.wimd.booking.appointments.api;

import com.wimd.booking.packages.api.PackageView;

import java.util.List;

/** {@code GET /booking/my-appointments}: upcoming (soonest first), past (latest first) and packages. */
public record MyAppointments(List<AppointmentView> upcoming, List<AppointmentView> past, List<PackageView> packages) {
}
