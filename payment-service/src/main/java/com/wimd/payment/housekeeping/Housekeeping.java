package com.wimd.payment.housekeeping;

import com.wimd.payment.fees.service.LateFees;
import com.wimd.payment.refunds.service.Refunds;

import com.wimd.events.Money;
import com.wimd.support.db.Db;
import com.wimd.support.work.BackgroundLoop;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.verification.domain.IntentOutcome;
import com.wimd.payment.verification.domain.PaymentStep;
import com.wimd.payment.verification.persistence.PaymentRequest;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.payment.webhook.service.StripeEvents;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finishes what could not be finished at once: refunds and late fees left pending (a crash, the gateway down), requests whose
 * intent could not be looked up, intents whose webhook never came, fees not yet known when the payment succeeded.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final Refunds refunds;
    private final LateFees fees;
    private final PaymentSteps steps;
    private final PaymentGateway gateway;
    private final StripeEvents events;
    private final HousekeepingConfig config;
    private final Clock clock;
    private final Duration interval;
    private BackgroundLoop loop;

    public Housekeeping(Refunds refunds, LateFees fees, PaymentSteps steps, PaymentGateway gateway, StripeEvents events,
                        HousekeepingConfig config, Clock clock) {
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.refunds = refunds;
        this.fees = fees;
        this.steps = steps;
        this.gateway = gateway;
        this.interval = config.interval();
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("payment-housekeeping", interval, () -> {
            runOnce();
            return false;
        }, LOG);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    public void runOnce() {
        refunds.followUp(GRACE, config.refundRecheck());
        fees.followUp(GRACE);
        steps.verifyUnverified(GRACE);
        recheckWaiting();
        refundOrphans();
        fillInFees();
    }

    /**
     * Payments that succeeded more than {@code orphan-grace} ago and that no live booking or package took: each is
     * refunded in full, once, and its client told why. Decided with the payment locked, as a booking would bind it,
     * so a payment is either taken or given back, never both.
     */
    void refundOrphans() {
        Instant before = clock.instant().minus(config.orphanGrace());
        List<Payment> unbound = Db.session(() -> Payment.<Payment>find("""
                status = ?1 and bookingId is null and packageId is null and orphanedAt is null
                and refundedMinor < amountMinor and succeededAt < ?2 order by succeededAt""",
                PaymentStatus.SUCCEEDED, before).page(0, 20).list());
        for (Payment candidate : unbound) {
            UUID decided = Db.transaction(() -> Payment.byIntentForUpdate(candidate.paymentIntentId).chain(payment -> {
                if (payment == null || payment.bookingId != null || payment.packageId != null || payment.orphanedAt != null) {
                    return Uni.createFrom().<UUID>nullItem(); // taken or decided meanwhile
                }
                return steps.whyUnbound(payment.paymentIntentId).chain(why -> {
                    LOG.warnf("payment %s succeeded %s and pays for nothing (%s): refunding it", payment.paymentIntentId,
                            payment.succeededAt, why);
                    return refunds.decideOrphan(payment, why).replaceWith(payment.id);
                });
            }));
            if (decided != null) {
                refunds.carryOut(decided);
            }
        }
    }

    /**
     * Intents that still wait for their webhook after {@code waiting-recheck}: the gateway is asked, and what it
     * says now is applied exactly as the webhook would have been (the webhook arriving later changes nothing).
     * Each is asked at most once per {@code waiting-recheck}, and not at all after {@code waiting-give-up}.
     */
    void recheckWaiting() {
        Instant now = clock.instant();
        List<PaymentRequest> waiting = Db.session(() -> PaymentRequest.<PaymentRequest>find(
                "status = ?1 and updatedAt < ?2 and createdAt > ?3 order by updatedAt", PaymentStep.Status.WAITING,
                now.minus(config.waitingRecheck()), now.minus(config.waitingGiveUp())).page(0, 20).list());
        for (PaymentRequest row : waiting) {
            try {
                recheck(row);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not re-check %s; next time", row.paymentIntentId);
            }
            // asked (answered or not): not again before waiting-recheck, so one bad row cannot hold up the rest
            Db.transaction(() -> Db.execute(
                    "update payment_requests set updated_at = ?1 where correlation_id = ?2 and status = 'WAITING'",
                    clock.instant(), row.correlationId).replaceWithVoid());
        }
    }

    private void recheck(PaymentRequest row) {
        if (!(steps.lookUp(row.paymentIntentId) instanceof PaymentSteps.Found found) || found.intent().isEmpty()) {
            return; // the gateway is unreachable, or no longer knows the intent
        }
        GatewayIntent intent = found.intent().get();
        IntentOutcome outcome = IntentOutcome.of(intent);
        if (outcome instanceof IntentOutcome.Paid) {
            LOG.warnf("%s succeeded but its webhook never came; applying it now", row.paymentIntentId);
            Optional<Money> fee = events.feeOf(row.paymentIntentId);
            Db.transaction(() -> events.succeeded(intent, fee));
            events.carryOutRefund(row.paymentIntentId);
        } else if (outcome instanceof IntentOutcome.Failed failed) {
            LOG.warnf("%s failed (%s) but its webhook never came; applying it now", row.paymentIntentId, failed.reason());
            Db.transaction(() -> events.failed(intent, failed));
        }
    }

    /**
     * Succeeded payments whose processing fee is not known yet (its webhook came before Stripe had the balance
     * transaction): asked of the gateway, the least recently asked first, so that a payment whose fee cannot be had
     * (the gateway refuses, the record fails) moves to the back of the queue instead of holding up those behind it.
     */
    void fillInFees() {
        List<Payment> missing = Db.session(() -> Payment.<Payment>find(
                "status = ?1 and feeMinor is null order by feeCheckedAt asc nulls first, succeededAt",
                PaymentStatus.SUCCEEDED).page(0, 50).list());
        for (Payment payment : missing) {
            UUID id = payment.id;
            try {
                Optional<Money> fee = gateway.feeOf(payment.paymentIntentId);
                fee.ifPresent(f -> Db.transaction(() -> Payment.<Payment>findById(id).invoke(p -> {
                    if (p.feeMinor == null) {
                        StripeEvents.recordFee(p, f);
                    }
                })));
            } catch (GatewayException e) {
                LOG.debugf("the fee of %s is not to be had yet: %s", payment.paymentIntentId, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not record the fee of %s; it is asked for again after the others", payment.paymentIntentId);
            }
            try {
                Db.transaction(() -> Db.execute("update payments set fee_checked_at = ?1 where id = ?2 and fee_minor is null",
                        clock.instant(), id).replaceWithVoid());
            } catch (RuntimeException e) {
                LOG.warnf("could not note that the fee of %s was asked for: %s", payment.paymentIntentId, e.getMessage());
            }
        }
    }
}
