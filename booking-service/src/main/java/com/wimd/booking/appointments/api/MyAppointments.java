package com.wimd.booking.appointments.api;

import com.wimd.booking.packages.api.PackageView;

import java.util.List;

/**
 * {@code GET /booking/my-appointments}: upcoming (soonest first), past (latest first), a page of each, and packages.
 *
 * @param nextUpcomingCursor where the next page of upcoming sessions begins ({@code upcoming_cursor}); null: no more
 * @param nextPastCursor     likewise for the past ones ({@code past_cursor})
 */
public record MyAppointments(List<AppointmentView> upcoming, List<AppointmentView> past, List<PackageView> packages,
                             String nextUpcomingCursor, String nextPastCursor) {
}
