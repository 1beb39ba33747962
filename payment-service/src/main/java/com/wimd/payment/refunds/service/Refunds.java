package com.wimd.payment.refunds.service;

import com.wimd.events.BookingRequested;
import com.wimd.events.Money;
import com.wimd.events.PaymentRefunded;
import com.wimd.support.db.Db;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.messaging.Envelopes;
import com.wimd.payment.refunds.persistence.RefundRecord;
import com.wimd.payment.verification.domain.PaymentStep;
import com.wimd.payment.verification.persistence.PaymentRequest;
import com.wimd.support.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives money back. A refund is decided (a PENDING row, one per booking or package at most) in the transaction
 * that finds it due, and carried out after that commits: through the gateway with the idempotency key
 * {@code refund:<booking id>}, then recorded with its PaymentRefunded event in one transaction. A refund left
 * PENDING (a crash, the gateway down) is retried by the housekeeping loop; the key keeps the retry from moving
 * money twice.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final PaymentGateway gateway;
    private final Outbox outbox;
    private final Clock clock;

    public Refunds(PaymentGateway gateway, Outbox outbox, Clock clock) {
        this.gateway = gateway;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** In the caller's transaction: the payment bound to {@code request} is to be given back in full. */
    public Uni<Void> decide(PaymentRequest request, Payment payment, String reason, UUID causeEventId) {
        long remaining = payment.amountMinor - payment.refundedMinor;
        if (remaining <= 0) {
            request.status = PaymentStep.Status.REFUNDED;
            return Uni.createFrom().voidItem();
        }
        RefundRecord refund = new RefundRecord();
        refund.correlationId = request.correlationId;
        refund.kind = request.kind;
        refund.paymentIntentId = payment.paymentIntentId;
        refund.amountMinor = remaining;
        refund.currency = payment.currency;
        refund.reason = reason;
        refund.status = RefundRecord.Status.PENDING;
        refund.causeEventId = causeEventId;
        refund.createdAt = clock.instant();
        return refund.persist().replaceWithVoid();
    }

    /** Blocking, after the deciding transaction committed: carries out this booking's refund if one is pending. */
    public void carryOut(UUID correlationId) {
        RefundRecord refund = Db.session(() -> RefundRecord.<RefundRecord>find("correlationId = ?1 and status = ?2",
                correlationId, RefundRecord.Status.PENDING).firstResult());
        if (refund != null) {
            carryOut(refund);
        }
    }

    /** Blocking: retries the refunds still pending after {@code age} (left by a crash or a gateway outage). */
    public int carryOutPendingOlderThan(Duration age) {
        Instant before = clock.instant().minus(age);
        List<RefundRecord> pending = Db.session(() -> RefundRecord.<RefundRecord>find(
                "status = ?1 and createdAt < ?2 order by createdAt", RefundRecord.Status.PENDING, before).page(0, 50).list());
        pending.forEach(this::carryOut);
        return pending.size();
    }

    private void carryOut(RefundRecord refund) {
        GatewayRefund done;
        try {
            done = gateway.refund(refund.paymentIntentId, refund.amountMinor, IdempotencyKeys.refund(refund.correlationId));
        } catch (GatewayException e) {
            boolean retry = e.isTransient();
            if (retry) {
                LOG.warnf("refund of %s not done yet, will retry: %s", refund.correlationId, e.getMessage());
            } else {
                LOG.errorf("refund of %s refused; it needs the coach's attention: %s", refund.correlationId, e.getMessage());
            }
            Db.transaction(() -> RefundRecord.update(
                    "attempts = attempts + 1, lastError = ?1, status = ?2 where correlationId = ?3 and status = ?4",
                    e.getMessage(), retry ? RefundRecord.Status.PENDING : RefundRecord.Status.FAILED,
                    refund.correlationId, RefundRecord.Status.PENDING));
            return;
        }
        Db.transaction(() -> record(refund.correlationId, done));
    }

    /** Marks the refund done once (whoever gets here first) and announces it. */
    private Uni<Void> record(UUID correlationId, GatewayRefund done) {
        Instant now = clock.instant();
        return RefundRecord.<RefundRecord>find("correlationId", correlationId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(refund -> {
                    if (refund == null || refund.status != RefundRecord.Status.PENDING) {
                        return Uni.createFrom().voidItem();
                    }
                    refund.status = RefundRecord.Status.SUCCEEDED;
                    refund.refundId = done.id();
                    refund.completedAt = now;
                    refund.attempts++;
                    refund.lastError = null;
                    Uni<Integer> payment = Db.execute("""
                                    update payments set refunded_minor = least(amount_minor, refunded_minor + ?1)
                                    where payment_intent_id = ?2""", refund.amountMinor, refund.paymentIntentId);
                    return payment.chain(() -> PaymentRequest.<PaymentRequest>findById(correlationId)).chain(request -> {
                        if (request != null) {
                            request.status = PaymentStep.Status.REFUNDED;
                            request.updatedAt = now;
                        }
                        return refund.kind == PaymentRequest.Kind.BOOKING
                                ? outbox.add(Envelopes.causedBy(refunded(refund, done, request), refund.causeEventId, now))
                                : Uni.createFrom().voidItem(); // the contract has no refund event for packages yet
                    });
                });
    }

    /** The event telling the booking, and the client, that their money is back. */
    private static PaymentRefunded refunded(RefundRecord refund, GatewayRefund done, PaymentRequest request) {
        Optional<BookingRequested> booking = request == null ? Optional.empty() : request.booking();
        return new PaymentRefunded(refund.correlationId, refund.paymentIntentId, done.id(),
                new Money(refund.amountMinor, refund.currency), refund.reason,
                booking.map(BookingRequested::client).orElse(null), booking.map(BookingRequested::slotStart).orElse(null));
    }
}
