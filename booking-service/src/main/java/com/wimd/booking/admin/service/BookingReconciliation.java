package com.wimd.booking.admin.service;

import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.domain.StepDeadlines;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.domain.PackageStatus;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.support.db.Db;
import com.wimd.support.reconciliation.ReconciliationSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
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

    public record Overdue(UUID id, String kind, String status, Instant stepStartedAt, String reason) {
    }

    private final BookingConfig config;
    private final Clock clock;

    public BookingReconciliation(BookingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Map<String, List<?>> problems() {
        Instant now = clock.instant();
        StepDeadlines deadlines = config.stepDeadlines();
        List<Overdue> overdue = new ArrayList<>();
        for (Appointment a : Db.session(() -> Appointment.<Appointment>list("status = ?1 order by stepStartedAt",
                AppointmentStatus.PENDING))) {
            deadlines.overdue(a.sagaState(), a.stepStartedAt, now).ifPresent(reason ->
                    overdue.add(new Overdue(a.id, "booking", a.status.name(), a.stepStartedAt, reason)));
        }
        for (SessionPackage p : Db.session(() -> SessionPackage.<SessionPackage>list("status = ?1 order by createdAt",
                PackageStatus.PENDING_PAYMENT))) {
            if (StepDeadlines.packagePaymentOverdue(p.createdAt, config.packagePaymentLimit(), now)) {
                overdue.add(new Overdue(p.id, "package", p.status.name(), p.createdAt, "the payment was not verified in time"));
            }
        }
        return Map.of("past_deadline", overdue);
    }

    /**
     * {@code live}: bookings pending or confirmed and packages pending or active (what a kept payment may pay for);
     * {@code confirmed_bookings}: what must be in the coach's calendar.
     */
    @Override
    public Map<String, List<?>> facts() {
        List<UUID> live = new ArrayList<>();
        List<UUID> confirmed = new ArrayList<>();
        for (Appointment a : Db.session(() -> Appointment.<Appointment>list("status in ?1",
                List.of(AppointmentStatus.PENDING, AppointmentStatus.CONFIRMED)))) {
            live.add(a.id);
            if (a.status == AppointmentStatus.CONFIRMED) {
                confirmed.add(a.id);
            }
        }
        Db.session(() -> SessionPackage.<SessionPackage>list("status in ?1",
                List.of(PackageStatus.PENDING_PAYMENT, PackageStatus.ACTIVE))).forEach(p -> live.add(p.id));
        return Map.of("live", live, "confirmed_bookings", confirmed);
    }
}
