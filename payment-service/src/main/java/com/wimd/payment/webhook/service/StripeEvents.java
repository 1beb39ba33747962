package com.wimd.payment.webhook.service;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.wimd.events.Money;
import com.wimd.support.db.Db;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.gateway.stripe.StripeGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.intents.service.PaymentRecords;
import com.wimd.payment.refunds.persistence.RefundRecord;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.domain.IntentOutcome;
import com.wimd.payment.verification.domain.PaymentStep;
import com.wimd.payment.verification.service.PaymentSteps;
import com.wimd.support.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a verified Stripe event does. Each event's effect and the record that it was handled share one
 * transaction, so a redelivered event (Stripe delivers at least once) changes nothing the second time.
 */
@ApplicationScoped
public class StripeEvents {

    private static final Logger LOG = Logger.getLogger(StripeEvents.class);

    private final PaymentGateway gateway;
    private final PaymentRecords payments;
    private final PaymentSteps steps;
    private final Refunds refunds;
    private final Clock clock;

    public StripeEvents(PaymentGateway gateway, PaymentRecords payments, PaymentSteps steps, Refunds refunds, Clock clock) {
        this.gateway = gateway;
        this.payments = payments;
        this.steps = steps;
        this.refunds = refunds;
        this.clock = clock;
    }

    /** Blocking. @return false if the event had been handled before */
    public boolean handle(Event event) {
        return switch (event.getType()) {
            case "payment_intent.succeeded" -> {
                GatewayIntent intent = StripeGateway.view(object(event, PaymentIntent.class));
                Optional<Money> fee = feeOf(intent.id()); // external: before the transaction
                boolean first = once(event, () -> succeeded(intent, fee));
                carryOutRefund(intent.id());
                yield first;
            }
            case "payment_intent.payment_failed", "payment_intent.canceled" -> {
                GatewayIntent intent = StripeGateway.view(object(event, PaymentIntent.class));
                IntentOutcome.Failed outcome = event.getType().endsWith("canceled")
                        ? IntentOutcome.canceled() : IntentOutcome.declined(intent.lastError());
                yield once(event, () -> failed(intent, outcome));
            }
            case "refund.created", "refund.updated", "refund.failed", "charge.refund.updated" -> {
                GatewayRefund refund = StripeGateway.view(object(event, Refund.class));
                yield once(event, () -> refunds.reportByRefundId(refund).replaceWithVoid());
            }
            case "charge.refunded" -> {
                Charge charge = object(event, Charge.class);
                String intentId = charge.getPaymentIntent();
                // our refunds of this intent that are still pending: what the gateway says of each now (outside the transaction)
                List<GatewayRefund> seen = refunds.pendingRefundIdsOf(intentId).stream()
                        .map(refunds::lookUp).flatMap(Optional::stream).toList();
                yield once(event, () -> RefundRecord.count("paymentIntentId", intentId).chain(ours -> ours > 0
                        ? Uni.join().all(seen.stream().map(refunds::reportByRefundId).toList()).andFailFast()
                                .onItem().ignore().andContinueWithNull().replaceWithVoid()
                        // a refund made outside this service (from Stripe's dashboard): the books follow Stripe
                        : Db.execute("""
                                update payments set refunded_minor = greatest(refunded_minor, least(amount_minor, ?1))
                                where payment_intent_id = ?2""", charge.getAmountRefunded(), intentId).replaceWithVoid()));
            }
            default -> once(event, () -> Uni.createFrom().voidItem()); // acknowledged; nothing to do
        };
    }

    /**
     * In the caller's transaction: the intent succeeded (a webhook said so, or the gateway when asked again);
     * our record and the step waiting on it follow. Safe to repeat.
     */
    public Uni<Void> succeeded(GatewayIntent intent, Optional<Money> fee) {
        Instant now = clock.instant();
        return payments.ensure(intent).chain(() -> Payment.byIntentForUpdate(intent.id())).chain(payment -> {
            if (payment == null) {
                return Uni.createFrom().voidItem(); // not one of ours (a late-cancellation fee, say)
            }
            if (!payment.status.isFinal()) {
                payment.status = PaymentStatus.SUCCEEDED;
                payment.succeededAt = now;
                payment.failureReason = null;
            }
            payment.paymentMethodId = intent.paymentMethodId() != null ? intent.paymentMethodId() : payment.paymentMethodId;
            payment.customerId = intent.customerId() != null ? intent.customerId() : payment.customerId;
            fee.ifPresent(f -> recordFee(payment, f));
            return steps.onIntentEvent(payment, new PaymentStep.IntentSucceeded());
        });
    }

    /** In the caller's transaction: the intent's payment failed or it was canceled. Safe to repeat. */
    public Uni<Void> failed(GatewayIntent intent, IntentOutcome.Failed outcome) {
        boolean canceled = outcome.canceled();
        String reason = outcome.reason();
        return Payment.byIntentForUpdate(intent.id()).chain(payment -> {
            if (payment == null || payment.status.isFinal()) {
                return Uni.createFrom().voidItem(); // not ours, or an older event than the success we have
            }
            payment.status = canceled ? PaymentStatus.CANCELED : PaymentStatus.FAILED;
            payment.failureReason = reason;
            return steps.onIntentEvent(payment, new PaymentStep.IntentFailed(reason));
        });
    }

    /** The fee in the currency Stripe settled in; the net only when that is the payment's currency. */
    public static void recordFee(Payment payment, Money fee) {
        payment.feeMinor = fee.amountMinor();
        payment.feeCurrency = fee.currency();
        payment.netMinor = fee.currency().equals(payment.currency) ? payment.amountMinor - fee.amountMinor() : null;
    }

    /** Blocking: the fee, if the gateway can tell it now (housekeeping asks again later if not). */
    public Optional<Money> feeOf(String paymentIntentId) {
        try {
            return gateway.feeOf(paymentIntentId);
        } catch (GatewayException e) {
            LOG.warnf("fee of %s unknown for now (housekeeping will ask again): %s", paymentIntentId, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean once(Event event, java.util.function.Supplier<Uni<Void>> effect) {
        return Db.transaction(() -> Db.execute(
                        "insert into stripe_events (event_id, event_type, received_at) values (?1, ?2, ?3) on conflict do nothing",
                        event.getId(), event.getType(), clock.instant())
                .chain(inserted -> inserted == 1 ? effect.get().replaceWith(true) : Uni.createFrom().item(false)));
    }

    /** A payment that succeeded for a booking that had failed is given back at once. */
    public void carryOutRefund(String paymentIntentId) {
        UUID owner = Db.session(() -> Payment.byIntent(paymentIntentId)
                .map(p -> p == null ? null : p.bookingId != null ? p.bookingId : p.packageId));
        if (owner != null) {
            refunds.carryOut(owner);
        }
    }

    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        StripeObject object = event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw ProblemType.VALIDATION.because("cannot read the " + event.getType() + " event's object: " + e.getMessage());
            }
        });
        if (!type.isInstance(object)) {
            throw ProblemType.VALIDATION.because(event.getType() + " carries a " + object.getClass().getSimpleName());
        }
        return type.cast(object);
    }
}
