package com.wimd.payment.refunds.service;

import com.wimd.events.BookingRequested;
import com.wimd.events.Client;
import com.wimd.events.EventPayload;
import com.wimd.events.Money;
import com.wimd.events.OrphanPaymentRefunded;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.RefundFailed;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.messaging.Envelopes;
import com.wimd.payment.refunds.domain.RefundProgress;
import com.wimd.payment.refunds.persistence.RefundRecord;
import com.wimd.payment.fees.persistence.FeeCharge;
import com.wimd.payment.verification.domain.PaymentStep;
import com.wimd.payment.verification.persistence.PaymentRequest;
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
 * Gives money back, and follows each refund to its end. A refund is decided (a REQUESTED row, one per booking,
 * package or orphan payment at most) in the transaction that finds it due, and carried out after that commits,
 * through the gateway with the idempotency key {@code refund:<correlation id>}. What the gateway answers, and then
 * its webhooks and re-checks, move the refund on ({@link RefundProgress}): PENDING until the money is back;
 * SUCCEEDED announces it (the client hears "refunded" only then); FAILED announces {@link RefundFailed}, for the
 * coach. A refund left REQUESTED (a crash, the gateway down) is carried out again by housekeeping; the key keeps
 * the retry from moving money twice.
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
        return requested(request.correlationId, request.kind, payment.paymentIntentId, payment.currency, remaining, reason, causeEventId).persist().replaceWithVoid();
    }

    /**
     * In the caller's transaction: {@code amountMinor} of the payment of a booking is to be given back (a
     * cancellation; a late one keeps the rest as its fee), at most what is left of it, and once per booking.
     */
    public Uni<Void> decidePart(UUID bookingId, Payment payment, long amountMinor, String reason, UUID causeEventId) {
        long amount = Math.min(amountMinor, payment.amountMinor - payment.refundedMinor);
        return RefundRecord.<RefundRecord>findById(bookingId).chain(existing -> existing != null || amount <= 0
                ? Uni.createFrom().voidItem()
                : requested(bookingId, PaymentRequest.Kind.BOOKING, payment.paymentIntentId, payment.currency, amount, reason, causeEventId).persist().replaceWithVoid());
    }

    /**
     * In the caller's transaction, with the payment locked: a payment no booking or package took is given back in
     * full, under its own id; from now on no booking may take it.
     */
    public Uni<Void> decideOrphan(Payment payment, String reason) {
        payment.orphanedAt = clock.instant();
        long remaining = payment.amountMinor - payment.refundedMinor;
        if (remaining <= 0) {
            return Uni.createFrom().voidItem();
        }
        return requested(payment.id, PaymentRequest.Kind.PAYMENT, payment.paymentIntentId, payment.currency, remaining, reason, null).persist().replaceWithVoid();
    }

    /**
     * The refund of a late fee: its own id, from the booking and the fee's step, so that it never meets the booking's
     * own refund (one per correlation id) and is decided once however often it is asked for.
     */
    public static UUID feeRefundId(UUID bookingId, String step) {
        return UUID.nameUUIDFromBytes(("fee-refund:" + bookingId + ":" + step).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * In the caller's transaction: a charged late fee is given back in full (its reschedule was withdrawn), once.
     *
     * @return the refund's id, to carry it out after the commit
     */
    public Uni<UUID> decideFee(FeeCharge fee, String reason, UUID causeEventId) {
        UUID id = feeRefundId(fee.key.bookingId(), fee.key.step());
        return RefundRecord.<RefundRecord>findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(id);
            }
            RefundRecord refund = requested(id, PaymentRequest.Kind.FEE, fee.chargeIntentId, fee.currency, fee.amountMinor,
                    reason, causeEventId);
            return refund.persist().replaceWith(id);
        });
    }

    private RefundRecord requested(UUID correlationId, PaymentRequest.Kind kind, String paymentIntentId, String currency,
                                   long amount, String reason, UUID causeEventId) {
        RefundRecord refund = new RefundRecord();
        refund.correlationId = correlationId;
        refund.kind = kind;
        refund.paymentIntentId = paymentIntentId;
        refund.amountMinor = amount;
        refund.currency = currency;
        refund.reason = reason;
        refund.status = RefundRecord.Status.REQUESTED;
        refund.causeEventId = causeEventId;
        refund.createdAt = clock.instant();
        refund.updatedAt = refund.createdAt;
        return refund;
    }

    /** Blocking, after the deciding transaction committed: carries out this refund if it is still only requested. */
    public void carryOut(UUID correlationId) {
        RefundRecord refund = Db.session(() -> RefundRecord.<RefundRecord>find("correlationId = ?1 and status = ?2",
                correlationId, RefundRecord.Status.REQUESTED).firstResult());
        if (refund != null) {
            carryOut(refund);
        }
    }

    /**
     * Blocking: carries out the refunds still only requested after {@code age} (left by a crash or a gateway
     * outage), and asks the gateway again about those pending for longer than {@code recheck} (a webhook lost).
     */
    public int followUp(Duration age, Duration recheck) {
        Instant now = clock.instant();
        List<RefundRecord> requested = Db.session(() -> RefundRecord.<RefundRecord>find(
                "status = ?1 and createdAt < ?2 order by createdAt", RefundRecord.Status.REQUESTED, now.minus(age)).page(0, 50).list());
        requested.forEach(this::carryOut);
        List<RefundRecord> pending = Db.session(() -> RefundRecord.<RefundRecord>find(
                "status = ?1 and updatedAt < ?2 order by updatedAt", RefundRecord.Status.PENDING, now.minus(recheck)).page(0, 50).list());
        for (RefundRecord refund : pending) {
            try {
                Optional<GatewayRefund> seen = gateway.retrieveRefund(refund.refundId);
                Db.transaction(() -> seen.isPresent()
                        ? report(refund.correlationId, seen.get().id(), seen.get().status(), seen.get().failureReason())
                        : touch(refund.correlationId));
            } catch (GatewayException e) {
                LOG.warnf("refund %s of %s: no news from the gateway yet (%s)", refund.refundId, refund.correlationId, e.getMessage());
                Db.transaction(() -> touch(refund.correlationId)); // asked: not again before the next recheck
            }
        }
        return requested.size() + pending.size();
    }

    /**
     * Refunds once: the idempotency key keeps a retry from refunding again while the gateway remembers it; after that
     * (a refund still requested a day on) the refund made under the key, if any, is looked for first.
     */
    private void carryOut(RefundRecord refund) {
        String key = IdempotencyKeys.refund(refund.correlationId);
        GatewayRefund done;
        try {
            Optional<GatewayRefund> made = IdempotencyKeys.mayBeForgotten(refund.createdAt, clock.instant())
                    ? gateway.findRefund(refund.paymentIntentId, key) : Optional.empty();
            if (made.isPresent()) {
                LOG.infof("refund of %s was made at the gateway before (%s): taken as its answer", refund.correlationId, made.get().id());
            }
            done = made.isPresent() ? made.get() : gateway.refund(refund.paymentIntentId, refund.amountMinor, key);
        } catch (GatewayException e) {
            if (e.isTransient()) {
                LOG.warnf("refund of %s not done yet, will retry: %s", refund.correlationId, e.getMessage());
                Db.transaction(() -> RefundRecord.update(
                        "attempts = attempts + 1, lastError = ?1, updatedAt = ?2 where correlationId = ?3 and status = ?4",
                        e.getMessage(), clock.instant(), refund.correlationId, RefundRecord.Status.REQUESTED).replaceWithVoid());
            } else {
                Db.transaction(() -> report(refund.correlationId, null, "failed", "the payment provider refused the refund: "
                        + e.getMessage()));
            }
            return;
        }
        Db.transaction(() -> report(refund.correlationId, done.id(), done.status(), done.failureReason()));
    }

    /**
     * In the caller's transaction: the gateway reported on a refund (a webhook's refund object, or charge.refunded
     * re-checked). A refund this service did not make (the coach refunded from Stripe's dashboard) is not ours
     * to follow: empty.
     */
    public Uni<Boolean> reportByRefundId(GatewayRefund seen) {
        return RefundRecord.<RefundRecord>find("refundId", seen.id()).firstResult().chain(refund -> refund == null
                ? Uni.createFrom().item(false)
                : report(refund.correlationId, seen.id(), seen.status(), seen.failureReason()).replaceWith(true));
    }

    /** The refunds of an intent that the gateway has accepted and not yet settled, by their gateway ids. */
    public List<String> pendingRefundIdsOf(String paymentIntentId) {
        return Db.session(() -> RefundRecord.<RefundRecord>list("paymentIntentId = ?1 and status = ?2 and refundId is not null",
                paymentIntentId, RefundRecord.Status.PENDING)).stream().map(r -> r.refundId).toList();
    }

    /** Blocking: a refund as the gateway sees it now. */
    public Optional<GatewayRefund> lookUp(String refundId) {
        return gateway.retrieveRefund(refundId);
    }

    private Uni<Void> touch(UUID correlationId) {
        return RefundRecord.update("updatedAt = ?1 where correlationId = ?2", clock.instant(), correlationId).replaceWithVoid();
    }

    /** Moves the refund on once, whoever reports first, and announces where it ended. */
    private Uni<Void> report(UUID correlationId, String refundId, String gatewayStatus, String error) {
        Instant now = clock.instant();
        return RefundRecord.<RefundRecord>find("correlationId", correlationId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult().chain(refund -> {
                    if (refund == null) {
                        return Uni.createFrom().voidItem();
                    }
                    RefundRecord.Status before = refund.status;
                    RefundRecord.Status after = RefundProgress.next(before, gatewayStatus);
                    if (refundId != null && refund.refundId == null) {
                        refund.refundId = refundId;
                    }
                    refund.updatedAt = now;
                    if (after == before) {
                        return Uni.createFrom().voidItem();
                    }
                    refund.status = after;
                    refund.attempts++;
                    return switch (after) {
                        case PENDING -> Uni.createFrom().voidItem();
                        case SUCCEEDED -> succeeded(refund, now);
                        case FAILED -> failed(refund, before, error, now);
                        case REQUESTED -> Uni.createFrom().voidItem();
                    };
                });
    }

    private Uni<Void> succeeded(RefundRecord refund, Instant now) {
        refund.completedAt = now;
        refund.lastError = null;
        return Db.execute("update payments set refunded_minor = least(amount_minor, refunded_minor + ?1) where payment_intent_id = ?2",
                        refund.amountMinor, refund.paymentIntentId)
                .chain(() -> requestOf(refund))
                .chain(request -> {
                    if (request != null) {
                        request.status = PaymentStep.Status.REFUNDED;
                        request.updatedAt = now;
                    }
                    return announcementOfSuccess(refund, request);
                })
                .chain(event -> event == null ? Uni.createFrom().voidItem()
                        : outbox.add(Envelopes.causedBy(event, refund.causeEventId, now)));
    }

    private Uni<Void> failed(RefundRecord refund, RefundRecord.Status before, String error, Instant now) {
        refund.completedAt = now;
        refund.lastError = error == null || error.isBlank() ? "the refund failed" : error;
        LOG.errorf("refund of %s %s (%s %d %s) FAILED: %s; the coach is told", refund.kind, refund.correlationId,
                refund.paymentIntentId, refund.amountMinor, refund.currency, refund.lastError);
        Uni<Integer> undo = before == RefundRecord.Status.SUCCEEDED
                ? Db.execute("update payments set refunded_minor = greatest(0, refunded_minor - ?1) where payment_intent_id = ?2",
                        refund.amountMinor, refund.paymentIntentId)
                : Uni.createFrom().item(0);
        return undo.chain(() -> requestOf(refund)).chain(request -> clientOf(refund, request)).chain(client -> subjectOf(refund)
                .chain(subject -> outbox.add(Envelopes.causedBy(new RefundFailed(subject, refund.kind.name(), refund.paymentIntentId,
                        refund.refundId, new Money(refund.amountMinor, refund.currency), refund.reason, refund.lastError,
                        client), refund.causeEventId, now))));
    }

    /**
     * What a refund is told as: its own correlation id, except a late fee's, which is its booking's (the refund's id is
     * made from the booking and the fee's step, and names nothing the coach or the booking's timeline knows).
     */
    private static Uni<UUID> subjectOf(RefundRecord refund) {
        return refund.kind != PaymentRequest.Kind.FEE ? Uni.createFrom().item(refund.correlationId)
                : feeOf(refund).map(fee -> fee == null ? refund.correlationId : fee.key.bookingId());
    }

    private static Uni<FeeCharge> feeOf(RefundRecord refund) {
        return FeeCharge.<FeeCharge>find("chargeIntentId", refund.paymentIntentId).firstResult();
    }

    private static Uni<PaymentRequest> requestOf(RefundRecord refund) {
        return refund.kind == PaymentRequest.Kind.PAYMENT || refund.kind == PaymentRequest.Kind.FEE ? Uni.createFrom().nullItem()
                : PaymentRequest.findById(refund.correlationId);
    }

    /** The event telling whom it concerns that the money is back; none for a package (the contract has none yet). */
    private Uni<EventPayload> announcementOfSuccess(RefundRecord refund, PaymentRequest request) {
        Money amount = new Money(refund.amountMinor, refund.currency);
        return switch (refund.kind) {
            case BOOKING -> {
                Optional<BookingRequested> booking = request == null ? Optional.empty() : request.booking();
                yield Uni.createFrom().item(new PaymentRefunded(refund.correlationId, refund.paymentIntentId, refund.refundId,
                        amount, refund.reason, booking.map(BookingRequested::client).orElse(null),
                        booking.map(BookingRequested::slotStart).orElse(null)));
            }
            case PAYMENT -> clientOf(refund, null).map(client -> new OrphanPaymentRefunded(refund.correlationId,
                    refund.paymentIntentId, refund.refundId, amount, refund.reason, client));
            case PACKAGE -> Uni.createFrom().nullItem();
            // the client was told when the move was withdrawn that the fee is refunded; a failure goes to the coach
            case FEE -> Uni.createFrom().nullItem();
        };
    }

    /** Who paid: from the booking or package request when there is one, otherwise from the payment's record. */
    private static Uni<Client> clientOf(RefundRecord refund, PaymentRequest request) {
        if (request != null && request.request() != null) {
            EventPayload payload = request.request().payload();
            if (payload instanceof BookingRequested booking) {
                return Uni.createFrom().item(booking.client());
            }
            if (payload instanceof PackagePurchaseRequested purchase) {
                return Uni.createFrom().item(purchase.client());
            }
        }
        if (refund.kind == PaymentRequest.Kind.FEE) {
            return feeOf(refund).map(fee -> fee == null ? null : fee.client());
        }
        return Payment.byIntent(refund.paymentIntentId).map(p -> p == null ? null
                : new Client(p.userId, p.clientName, p.clientEmail, null));
    }
}
