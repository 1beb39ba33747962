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
import java.util.List;
import java.util.Optional;

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
        failOverdueBookings(now);
        failOverduePackages(now);
    }

    private void failOverdueBookings(Instant now) {
        StepDeadlines deadlines = config.stepDeadlines();
        List<Appointment> candidates = Db.session(() -> Appointment.<Appointment>list(
                "status = ?1 and stepStartedAt <= ?2", AppointmentStatus.PENDING, deadlines.oldestStepThatMayBeOverdue(now)));
        for (Appointment candidate : candidates) {
            Optional<String> reason = deadlines.overdue(candidate.sagaState(), candidate.stepStartedAt, now);
            if (reason.isEmpty()) {
                continue;
            }
            try {
                Db.transaction(() -> saga.failOverdue(candidate.id, deadlines, now));
            } catch (RuntimeException e) {
                LOG.warnf("could not fail overdue booking %s yet (next round): %s", candidate.id, e.getMessage());
            }
        }
    }

    private void failOverduePackages(Instant now) {
        Instant requestedBy = now.minus(config.packagePaymentLimit());
        List<SessionPackage> candidates = Db.session(() -> SessionPackage.<SessionPackage>list(
                "status = ?1 and createdAt <= ?2", PackageStatus.PENDING_PAYMENT, requestedBy));
        for (SessionPackage candidate : candidates) {
            try {
                Db.transaction(() -> packages.failOverdue(candidate.id, now));
            } catch (RuntimeException e) {
                LOG.warnf("could not fail overdue package %s yet (next round): %s", candidate.id, e.getMessage());
            }
        }
    }
}
