package com.wimd.booking.admin.service;

import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.appointments.service.DeadlineReaper;
import com.wimd.booking.packages.domain.PackageStatus;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.support.db.Db;
import com.wimd.support.reconciliation.ReconciliationSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * booking-service's part of reconciliation: bookings and packages past a step's deadline (the reaper should have
 * failed them), and, for the report to check the other services against, what is live here.
 */
@ApplicationScoped
public class BookingReconciliation implements ReconciliationSource {

    private final DeadlineReaper deadlines;
    private final Clock clock;

    public BookingReconciliation(DeadlineReaper deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public Map<String, List<?>> problems() {
        return Map.of("past_deadline", deadlines.pastDeadline(clock.instant()));
    }

    /**
     * {@code live}: bookings pending, confirmed or held (completed, no-show) and packages pending or active (what a
     * kept payment may pay for); {@code confirmed_bookings}: what must be in the coach's calendar (a session held stays
     * there).
     */
    @Override
    public Map<String, List<?>> facts() {
        List<UUID> live = new ArrayList<>();
        List<UUID> confirmed = new ArrayList<>();
        for (Appointment a : Db.session(() -> Appointment.<Appointment>list("status in ?1",
                List.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED,
                        AppointmentStatus.NO_SHOW)))) {
            live.add(a.id);
            if (a.status != AppointmentStatus.PENDING) {
                confirmed.add(a.id);
            }
        }
        Db.session(() -> SessionPackage.<SessionPackage>list("status in ?1",
                List.of(PackageStatus.PENDING_PAYMENT, PackageStatus.ACTIVE))).forEach(p -> live.add(p.id));
        return Map.of("live", live, "confirmed_bookings", confirmed);
    }
}
