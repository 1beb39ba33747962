package com.wimd.booking.packages.service;

import com.wimd.booking.appointments.api.BookingProblems;
import com.wimd.booking.appointments.service.AdvisoryLocks;
import com.wimd.booking.appointments.service.Caller;
import com.wimd.booking.appointments.service.UniqueIndexes;
import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.packages.domain.PackageStatus;
import com.wimd.booking.packages.persistence.SessionPackage;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PackagePurchaseFailed;
import com.wimd.booking.appointments.domain.StepDeadlines;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Packages of sessions: bought with one payment (verified by payment-service), then booked one at a time.
 */
@ApplicationScoped
public class PackageService {


    private final BookingConfig config;
    private final Clock clock;
    private final Outbox outbox;

    public PackageService(BookingConfig config, Clock clock, Outbox outbox) {
        this.config = config;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Holds a new package until its payment is verified, and asks payment-service to verify it. */
    public Uni<SessionPackage> requestPurchase(Caller caller, String currency, String intentId) {
        Instant now = clock.instant();
        SessionPackage p = new SessionPackage();
        p.id = UUID.randomUUID();
        p.userId = caller.userId();
        p.sessionsTotal = config.packageSessions();
        p.sessionsRemaining = config.packageSessions();
        p.priceMinor = 0; // known once payment-service has verified the payment
        p.currency = currency;
        p.paymentIntentId = intentId;
        p.status = PackageStatus.PENDING_PAYMENT;
        p.createdAt = now;
        p.updatedAt = now;
        PackagePurchaseRequested requested = new PackagePurchaseRequested(p.id,
                new Client(caller.userId(), caller.name(), caller.email(), null),
                p.sessionsTotal, currency, intentId);
        return Panache.withTransaction(() -> AdvisoryLocks.lock("unpaid-packages:" + caller.userId())
                        .chain(() -> SessionPackage.count("userId = ?1 and status = ?2", caller.userId(), PackageStatus.PENDING_PAYMENT))
                        .invoke(unpaid -> {
                            // each one asks payment-service (and Stripe) to verify a payment: a few at a time is plenty
                            if (unpaid >= config.maxUnpaidPackagesPerClient()) {
                                throw BookingProblems.TOO_MANY_PENDING.because("you already have " + unpaid
                                        + " package purchases waiting for their payment; wait for them, then try again");
                            }
                        })
                        .chain(() -> p.<SessionPackage>persistAndFlush())
                        .call(saved -> outbox.add(EventEnvelope.first(requested, now))))
                .onFailure(e -> UniqueIndexes.violates(e, UniqueIndexes.PACKAGE_INTENT_INDEX))
                .transform(e -> BookingProblems.PAYMENT_INTENT_USED.at("stripe_payment_intent_id", "that payment already bought a package"));
    }

    /** Waits (without blocking a thread) until the package's payment is settled or the wait runs out. */
    public Uni<SessionPackage> awaitSettled(UUID packageId) {
        Instant deadline = clock.instant().plus(config.packagePurchaseWait());
        return poll(packageId, deadline);
    }

    private Uni<SessionPackage> poll(UUID packageId, Instant deadline) {
        return Panache.withSession(() -> SessionPackage.<SessionPackage>findById(packageId)).chain(p -> {
            if (p.status != PackageStatus.PENDING_PAYMENT || !clock.instant().isBefore(deadline)) {
                return Uni.createFrom().item(p);
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(150))
                    .chain(() -> poll(packageId, deadline));
        });
    }

    public Uni<Void> onPaymentSucceeded(EventEnvelope<PackagePaymentSucceeded> event) {
        return SessionPackage.<SessionPackage>findById(event.payload().packageId()).invoke(p -> {
            if (p != null && p.status == PackageStatus.PENDING_PAYMENT) {
                p.status = PackageStatus.ACTIVE;
                p.priceMinor = event.payload().amount().amountMinor();
                p.currency = event.payload().amount().currency();
                p.updatedAt = clock.instant();
            }
        }).replaceWithVoid();
    }

    /**
     * In the caller's transaction: a package still waiting for its payment's verification past the limit fails, and
     * PackagePurchaseFailed has payment-service give back whatever was paid for it.
     */
    public Uni<Void> failOverdue(UUID packageId, Instant now) {
        return SessionPackage.<SessionPackage>findById(packageId).chain(p -> {
            if (p == null || p.status != PackageStatus.PENDING_PAYMENT
                    || !StepDeadlines.packagePaymentOverdue(p.createdAt, config.packagePaymentLimit(), now)) {
                return Uni.createFrom().voidItem();
            }
            p.status = PackageStatus.FAILED;
            p.failureReason = StepDeadlines.PACKAGE_PAYMENT_LATE;
            p.updatedAt = now;
            return outbox.add(EventEnvelope.first(
                    new PackagePurchaseFailed(p.id, p.paymentIntentId, StepDeadlines.PACKAGE_PAYMENT_LATE), now));
        });
    }

    public Uni<Void> onPaymentFailed(EventEnvelope<PackagePaymentFailed> event) {
        return SessionPackage.<SessionPackage>findById(event.payload().packageId()).invoke(p -> {
            if (p != null && p.status == PackageStatus.PENDING_PAYMENT) {
                p.status = PackageStatus.FAILED;
                p.failureReason = event.payload().reason();
                p.updatedAt = clock.instant();
            }
        }).replaceWithVoid();
    }
}
