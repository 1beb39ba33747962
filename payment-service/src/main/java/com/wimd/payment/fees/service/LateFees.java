package com.wimd.payment.fees.service;

import com.wimd.events.Client;
import com.wimd.events.EventPayload;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.payment.fees.persistence.FeeCharge;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.messaging.Envelopes;
import com.wimd.support.db.Db;
import com.wimd.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Charges a late change's fee to the card the client saved when they paid (the package's, or the session's), with
 * the client absent. Decided (a REQUESTED row, one per booking and step) in the transaction of the event that asks
 * for it, carried out after that commits with the idempotency key {@code fee:<booking>:<step>}, so a retry (a crash,
 * the gateway down, a redelivered event) never charges twice. Charged announces {@link LateFeeCharged}; declined, or
 * no card saved, announces {@link FeeChargeFailed} (the coach is told). A gateway outage leaves the row REQUESTED
 * for housekeeping to try again.
 */
@ApplicationScoped
public class LateFees {

    private static final Logger LOG = Logger.getLogger(LateFees.class);

    private final PaymentGateway gateway;
    private final Outbox outbox;
    private final Clock clock;

    public LateFees(PaymentGateway gateway, Outbox outbox, Clock clock) {
        this.gateway = gateway;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What is to be charged, and for what. */
    public record Due(UUID bookingId, String step, Money fee, Client client, Instant slotStart, UUID packageId) {
    }

    /**
     * In the caller's transaction: the fee is due. The card is the one saved when the package (or, without a package,
     * the session itself) was paid. Deciding it again changes nothing.
     */
    public Uni<Void> decide(Due due, UUID causeEventId) {
        FeeCharge.Key key = new FeeCharge.Key(due.bookingId(), due.step());
        return FeeCharge.<FeeCharge>findById(key).chain(existing -> {
            if (existing != null) {
                return answerAgain(existing, causeEventId);
            }
            if (due.fee().amountMinor() <= 0) {
                return Uni.createFrom().voidItem();
            }
            Uni<Payment> paidWith = due.packageId() != null
                    ? Payment.<Payment>find("packageId = ?1 and status = ?2", due.packageId(), PaymentStatus.SUCCEEDED).firstResult()
                    : Payment.<Payment>find("bookingId = ?1 and status = ?2", due.bookingId(), PaymentStatus.SUCCEEDED).firstResult();
            return paidWith.chain(payment -> {
                Instant now = clock.instant();
                FeeCharge charge = new FeeCharge();
                charge.key = key;
                charge.amountMinor = due.fee().amountMinor();
                charge.currency = due.fee().currency();
                charge.userId = due.client().userId();
                charge.clientName = due.client().name();
                charge.clientEmail = due.client().email();
                charge.clientPhone = due.client().phone();
                charge.customerId = payment == null ? null : payment.customerId;
                charge.paymentMethodId = payment == null ? null : payment.paymentMethodId;
                charge.status = FeeCharge.Status.REQUESTED;
                charge.slotStart = due.slotStart();
                charge.causeEventId = causeEventId;
                charge.createdAt = now;
                charge.updatedAt = now;
                return charge.persist().replaceWithVoid();
            });
        });
    }

    /**
     * Another event asks for a fee already settled (an earlier version named every try of a reschedule alike): it gets
     * the same answer, so that whoever waits on it (a booking holding a new slot) is never left without one. Still
     * requested: the charge in progress answers. The same event again (a redelivery) is answered once, by the inbox.
     */
    private Uni<Void> answerAgain(FeeCharge charge, UUID causeEventId) {
        if (charge.status == FeeCharge.Status.REQUESTED || causeEventId.equals(charge.causeEventId)) {
            return Uni.createFrom().voidItem();
        }
        LOG.warnf("fee %s of booking %s asked for again (it is %s): answered as before, nothing charged", charge.key.step(),
                charge.key.bookingId(), charge.status);
        return outbox.add(Envelopes.causedBy(answer(charge), causeEventId, clock.instant()));
    }

    /** What a settled fee announces: charged, or declined and why. */
    private static EventPayload answer(FeeCharge charge) {
        return charge.status == FeeCharge.Status.CHARGED
                ? new LateFeeCharged(charge.key.bookingId(), charge.client(), charge.key.step(), charge.amount(), charge.chargeIntentId,
                        charge.slotStart)
                : new FeeChargeFailed(charge.key.bookingId(), charge.client(), charge.key.step(), charge.amount(),
                        charge.failureReason, charge.slotStart);
    }

    /** Blocking, after the deciding transaction committed: charges the fee if it is still only requested. */
    public void carryOut(UUID bookingId, String step) {
        FeeCharge charge = Db.session(() -> FeeCharge.<FeeCharge>find("key.bookingId = ?1 and key.step = ?2 and status = ?3",
                bookingId, step, FeeCharge.Status.REQUESTED).firstResult());
        if (charge != null) {
            carryOut(charge);
        }
    }

    /** Blocking: charges the fees left requested for longer than {@code age} (a crash, the gateway down). */
    public int followUp(Duration age) {
        List<FeeCharge> requested = Db.session(() -> FeeCharge.<FeeCharge>find("status = ?1 and updatedAt < ?2 order by updatedAt",
                FeeCharge.Status.REQUESTED, clock.instant().minus(age)).page(0, 50).list());
        requested.forEach(this::carryOut);
        return requested.size();
    }

    private void carryOut(FeeCharge charge) {
        if (charge.customerId == null || charge.paymentMethodId == null) {
            settle(charge.key, null, "no card was saved when the client paid");
            return;
        }
        String key = IdempotencyKeys.fee(charge.key.bookingId(), charge.key.step());
        ChargeOutcome outcome;
        try {
            // a fee still requested a day on: the gateway may have forgotten the key, so look for what it made first
            Optional<ChargeOutcome> made = IdempotencyKeys.mayBeForgotten(charge.createdAt, clock.instant())
                    ? gateway.findCharge(charge.customerId, charge.createdAt, key) : Optional.empty();
            if (made.isPresent()) {
                LOG.infof("fee %s of %s was charged at the gateway before: taken as its answer", charge.key.step(), charge.key.bookingId());
            }
            outcome = made.isPresent() ? made.get() : gateway.chargeOffSession(new OffSessionCharge(charge.amount(),
                    charge.customerId, charge.paymentMethodId, charge.userId, charge.key.bookingId()), key);
        } catch (GatewayException e) {
            if (e.isTransient()) {
                LOG.warnf("fee %s of %s not charged yet, will retry: %s", charge.key.step(), charge.key.bookingId(), e.getMessage());
                Db.transaction(() -> FeeCharge.update("attempts = attempts + 1, lastError = ?1, updatedAt = ?2 where key.bookingId = ?3 and key.step = ?4 and status = ?5",
                        e.getMessage(), clock.instant(), charge.key.bookingId, charge.key.step, FeeCharge.Status.REQUESTED).replaceWithVoid());
            } else {
                settle(charge.key, null, "the payment provider refused the charge: " + e.getMessage());
            }
            return;
        }
        if (outcome instanceof ChargeOutcome.Charged charged) {
            boolean paid = "succeeded".equals(charged.status()) || "processing".equals(charged.status());
            settle(charge.key, charged.paymentIntentId(), paid ? null
                    : "the card's bank asks the client to confirm the payment (" + charged.status() + ")");
        } else {
            settle(charge.key, null, ((ChargeOutcome.Declined) outcome).message());
        }
    }

    /** Once, whoever settles first: CHARGED (no {@code failure}) or DECLINED, and the announcement. */
    private void settle(FeeCharge.Key key, String chargeIntentId, String failure) {
        Instant now = clock.instant();
        Db.transaction(() -> FeeCharge.<FeeCharge>findById(key, LockModeType.PESSIMISTIC_WRITE).chain(charge -> {
            if (charge == null || charge.status != FeeCharge.Status.REQUESTED) {
                return Uni.createFrom().voidItem();
            }
            charge.attempts++;
            charge.updatedAt = now;
            charge.chargeIntentId = chargeIntentId;
            charge.status = failure == null ? FeeCharge.Status.CHARGED : FeeCharge.Status.DECLINED;
            charge.failureReason = failure;
            if (failure != null) {
                LOG.errorf("fee %s of booking %s (%d %s) NOT charged: %s; the coach is told", key.step(), key.bookingId(),
                        charge.amountMinor, charge.currency, failure);
            }
            return outbox.add(Envelopes.causedBy(answer(charge), charge.causeEventId, now));
        }));
    }
}
