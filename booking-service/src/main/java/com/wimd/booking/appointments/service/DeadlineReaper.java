package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.domain.StepDeadlines;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.domain.PackageStatus;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.booking.packages.service.PackageService;
import com.wimd.support.db.Db;
import com.wimd.support.work.BackgroundLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fails the bookings and package purchases whose current step is past its deadline ({@link StepDeadlines}), one
 * transaction each, with the usual compensation (the slot, promo use and credit released; BookingFailed or
 * PackagePurchaseFailed tells payment-service to refund whatever was paid).
 * <p>
 * While this service cannot hear the others (it is not ready: the broker or its database is down) it fails nothing,
 * and after such an outage it waits {@code booking.deadline-grace-after-outage} more: the reports the outage held
 * back arrive first, so a booking that was paid meanwhile is not failed for the outage's sake.
 */
@ApplicationScoped
public class DeadlineReaper {

    private static final Logger LOG = Logger.getLogger(DeadlineReaper.class);

    private final BookingSagaService saga;
    private final PackageService packages;
    private final BookingConfig config;
    private final Clock clock;
    private final SmallRyeHealthReporter health;
    private BackgroundLoop loop;
    private volatile Instant lastOutage;

    public DeadlineReaper(BookingSagaService saga, PackageService packages, BookingConfig config, Clock clock,
                          SmallRyeHealthReporter health) {
        this.saga = saga;
        this.packages = packages;
        this.config = config;
        this.clock = clock;
        this.health = health;
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("deadline-reaper", config.deadlineCheck(), () -> {
            reap();
            return false;
        }, LOG);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    void reap() {
        Instant now = clock.instant();
        if (health.getReadiness().isDown()) {
            lastOutage = now;
            LOG.debug("not ready (broker or database down): no deadline is enforced until it is back");
            return;
        }
        if (lastOutage != null && now.isBefore(lastOutage.plus(config.deadlineGraceAfterOutage()))) {
            return;
        }
        for (Overdue late : pastDeadline(now)) {
            try {
                Db.transaction(() -> late.isPackage()
                        ? packages.failOverdue(late.id(), now)
                        : saga.failOverdue(late.id(), config.stepDeadlines(), now));
            } catch (RuntimeException e) {
                LOG.warnf("could not fail overdue %s %s yet (next round): %s", late.kind(), late.id(), e.getMessage());
            }
        }
    }

    /** A booking or package whose current step is past its deadline, and why. */
    public record Overdue(UUID id, String kind, String status, Instant stepStartedAt, String reason) {
        boolean isPackage() {
            return "package".equals(kind);
        }
    }

    /**
     * Blocking: every booking and package past a step's deadline at {@code now} (what the reaper fails, and what
     * reconciliation reports if the reaper has not).
     */
    public List<Overdue> pastDeadline(Instant now) {
        StepDeadlines deadlines = config.stepDeadlines();
        List<Overdue> overdue = new ArrayList<>();
        for (Appointment a : Db.session(() -> Appointment.<Appointment>list("status = ?1 and stepStartedAt <= ?2 "
                + "order by stepStartedAt", AppointmentStatus.PENDING, deadlines.oldestStepThatMayBeOverdue(now)))) {
            deadlines.overdue(a.sagaState(), a.stepStartedAt, now).ifPresent(reason ->
                    overdue.add(new Overdue(a.id, "booking", a.status.name(), a.stepStartedAt, reason)));
        }
        for (SessionPackage p : Db.session(() -> SessionPackage.<SessionPackage>list("status = ?1 and createdAt <= ?2 "
                + "order by createdAt", PackageStatus.PENDING_PAYMENT, now.minus(config.packagePaymentLimit())))) {
            if (StepDeadlines.packagePaymentOverdue(p.createdAt, config.packagePaymentLimit(), now)) {
                overdue.add(new Overdue(p.id, "package", p.status.name(), p.createdAt, StepDeadlines.PACKAGE_PAYMENT_LATE));
            }
        }
        return overdue;
    }
}
