package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.domain.AppointmentStatus;
import com.wimd.booking.appointments.domain.BookingSaga;
import com.wimd.booking.appointments.domain.StepStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.booking.config.BookingConfig;
import com.wimd.support.work.BackgroundLoop;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/** Releases the slots of paid bookings whose payment did not arrive within the hold (15 minutes by default). */
@ApplicationScoped
public class PaymentHoldReaper {

    private static final Logger LOG = Logger.getLogger(PaymentHoldReaper.class);

    private final BookingSagaService saga;
    private final BookingConfig config;
    private final Clock clock;

    public PaymentHoldReaper(BookingSagaService saga, BookingConfig config, Clock clock) {
        this.saga = saga;
        this.config = config;
        this.clock = clock;
    }

    private BackgroundLoop loop;

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("payment-hold-reaper", config.paymentHoldCheck(), () -> {
            releaseExpiredHolds();
            return false;
        }, LOG);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    void releaseExpiredHolds() throws Throwable {
        Instant heldBy = BookingSaga.expiredHoldsBeganBy(config.paymentHold(), clock.instant());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Appointment.<Appointment>list(
                        "status = ?1 and paymentStep = ?2 and createdAt <= ?3",
                        AppointmentStatus.PENDING, StepStatus.PENDING, heldBy)
                .chain(due -> {
                    if (!due.isEmpty()) {
                        LOG.infof("releasing %d slot(s) whose payment did not arrive", due.size());
                    }
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Appointment a : due) {
                        all = all.chain(() -> saga.expireHold(a));
                    }
                    return all;
                })));
    }
}
