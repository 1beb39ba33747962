package com.wimd.payment.gateway.sandbox;

import com.wimd.events.Money;
import com.wimd.support.db.Db;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.support.problem.ProblemType;
import com.wimd.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Stripe's side, emulated in this service's database for running without Stripe keys. It keeps Stripe's
 * behaviour where the rest of the service depends on it: ids and statuses, idempotency keys (the same key
 * answers the first result), refunds bounded by the amount paid, cards saved for off-session charges, and
 * signed webhook events delivered over HTTP to this service's own endpoint ({@link SandboxWebhookDispatcher}).
 * A client "pays" with a test card through {@link #confirm}.
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
public class SandboxGateway implements PaymentGateway {

    public static final String PUBLISHABLE_KEY = "pk_sandbox";
    private static final String OFF_SESSION = "off_session";

    private final Clock clock;

    public SandboxGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String mode() {
        return "sandbox";
    }

    @Override
    public String createCustomer(String userId, String email, String idempotencyKey) {
        return inTransaction(() -> SandboxCustomer.<SandboxCustomer>find("idempotencyKey", idempotencyKey).firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(existing.id);
                    }
                    SandboxCustomer customer = new SandboxCustomer();
                    customer.id = newId("cus_sandbox_");
                    customer.userId = userId;
                    customer.email = email;
                    customer.idempotencyKey = idempotencyKey;
                    customer.createdAt = clock.instant();
                    return customer.persist().replaceWith(customer.id);
                }));
    }

    @Override
    public GatewayIntent createIntent(NewIntent intent, String idempotencyKey) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(NewIntent.USER_ID, intent.userId());
        metadata.put(NewIntent.PRODUCT, intent.product().name().toLowerCase(Locale.ROOT));
        return inTransaction(() -> SandboxIntent.<SandboxIntent>find("idempotencyKey", idempotencyKey).firstResult()
                .chain(existing -> {
                    if (existing != null) {
                        if (existing.amountMinor != intent.amount().amountMinor()
                                || !existing.currency.equals(intent.amount().currency())) {
                            throw new GatewayException(GatewayException.Kind.PERMANENT,
                                    "Keys for idempotent requests can only be used with the same parameters they were first used with", null);
                        }
                        return Uni.createFrom().item(view(existing));
                    }
                    SandboxIntent row = new SandboxIntent();
                    row.id = newId("pi_sandbox_");
                    row.clientSecret = row.id + "_secret_" + UUID.randomUUID().toString().replace("-", "");
                    row.amountMinor = intent.amount().amountMinor();
                    row.currency = intent.amount().currency();
                    row.customerId = intent.customerId();
                    row.metadata = SandboxEvents.write(metadata);
                    row.status = "requires_payment_method";
                    row.setupFutureUsage = OFF_SESSION;
                    row.idempotencyKey = idempotencyKey;
                    row.createdAt = clock.instant();
                    return row.persist().replaceWith(() -> view(row));
                }));
    }

    @Override
    public Optional<GatewayIntent> retrieveIntent(String paymentIntentId) {
        return Optional.ofNullable(inSession(() -> SandboxIntent.<SandboxIntent>findById(paymentIntentId)
                .map(row -> row == null ? null : view(row))));
    }

    @Override
    public GatewayRefund refund(String paymentIntentId, Long amountMinor, String idempotencyKey) {
        return inTransaction(() -> SandboxRefund.<SandboxRefund>find("idempotencyKey", idempotencyKey).firstResult()
                .chain(existing -> existing != null
                        ? SandboxIntent.<SandboxIntent>findById(existing.paymentIntentId).map(intent -> refundView(existing, intent))
                        : newRefund(paymentIntentId, amountMinor, idempotencyKey)));
    }

    private Uni<GatewayRefund> newRefund(String paymentIntentId, Long amountMinor, String idempotencyKey) {
        return SandboxIntent.<SandboxIntent>findById(paymentIntentId, LockModeType.PESSIMISTIC_WRITE).chain(intent -> {
            if (intent == null) {
                throw new GatewayException(GatewayException.Kind.PERMANENT, "No such payment_intent: '" + paymentIntentId + "'", null);
            }
            if (!"succeeded".equals(intent.status)) {
                throw new GatewayException(GatewayException.Kind.PERMANENT,
                        "This PaymentIntent does not have a successful charge to refund.", null);
            }
            return SandboxRefund.<SandboxRefund>list("paymentIntentId", paymentIntentId).chain(earlier -> {
                long refunded = earlier.stream().mapToLong(r -> r.amountMinor).sum();
                long amount = amountMinor == null ? intent.amountMinor - refunded : amountMinor;
                if (amount <= 0 || refunded + amount > intent.amountMinor) {
                    throw new GatewayException(GatewayException.Kind.PERMANENT, "Refund amount (" + amount
                            + ") is greater than the unrefunded amount on the charge (" + (intent.amountMinor - refunded) + ")", null);
                }
                Instant now = clock.instant();
                SandboxRefund refund = new SandboxRefund();
                refund.id = newId("re_sandbox_");
                refund.paymentIntentId = paymentIntentId;
                refund.amountMinor = amount;
                refund.idempotencyKey = idempotencyKey;
                refund.createdAt = now;
                return refund.persist()
                        .chain(() -> queue("charge.refunded", SandboxEvents.charge(intent, refunded + amount), now))
                        .replaceWith(() -> refundView(refund, intent));
            });
        });
    }

    /** The sandbox never forgets a key: the refund made under it, as {@link #refund} would answer it. */
    @Override
    public Optional<GatewayRefund> findRefund(String paymentIntentId, String idempotencyKey) {
        return inTransaction(() -> SandboxRefund.<SandboxRefund>find("idempotencyKey = ?1 and paymentIntentId = ?2",
                idempotencyKey, paymentIntentId).firstResult().chain(refund -> refund == null
                ? Uni.createFrom().item(Optional.<GatewayRefund>empty())
                : SandboxIntent.<SandboxIntent>findById(refund.paymentIntentId).map(intent -> Optional.of(refundView(refund, intent)))));
    }

    /** The sandbox's refunds succeed at once. */
    @Override
    public Optional<GatewayRefund> retrieveRefund(String refundId) {
        return inTransaction(() -> SandboxRefund.<SandboxRefund>findById(refundId).chain(refund -> refund == null
                ? Uni.createFrom().item(Optional.<GatewayRefund>empty())
                : SandboxIntent.<SandboxIntent>findById(refund.paymentIntentId).map(intent -> Optional.of(refundView(refund, intent)))));
    }

    @Override
    public ChargeOutcome chargeOffSession(OffSessionCharge charge, String idempotencyKey) {
        return inTransaction(() -> SandboxIntent.<SandboxIntent>find("idempotencyKey", idempotencyKey).firstResult()
                .chain(existing -> existing != null
                        ? Uni.createFrom().item(outcome(existing))
                        : SandboxIntent.count("customerId = ?1 and paymentMethodId = ?2 and status = 'succeeded' and setupFutureUsage = ?3",
                                charge.customerId(), charge.paymentMethodId(), OFF_SESSION).chain(saved -> {
                            Instant now = clock.instant();
                            SandboxIntent row = new SandboxIntent();
                            row.id = newId("pi_sandbox_");
                            row.clientSecret = row.id + "_secret_" + UUID.randomUUID().toString().replace("-", "");
                            row.amountMinor = charge.amount().amountMinor();
                            row.currency = charge.amount().currency();
                            row.customerId = charge.customerId();
                            row.metadata = SandboxEvents.write(Map.of(NewIntent.USER_ID, charge.userId(),
                                    NewIntent.PRODUCT, "late_cancellation_fee", "booking_id", charge.bookingId().toString()));
                            row.idempotencyKey = idempotencyKey;
                            row.createdAt = now;
                            row.paymentMethodId = charge.paymentMethodId();
                            if (saved > 0 && SandboxCards.declinesOffSession(charge.paymentMethodId())) {
                                row.status = "requires_payment_method";
                                row.lastError = "Your card was declined.";
                            } else if (saved > 0) {
                                row.status = "succeeded";
                                row.latestChargeId = newId("ch_sandbox_");
                            } else {
                                row.status = "requires_payment_method";
                                row.lastError = "The card was not saved for off-session payments by this customer.";
                            }
                            return row.persist()
                                    .chain(() -> queue(saved > 0 ? "payment_intent.succeeded" : "payment_intent.payment_failed",
                                            SandboxEvents.paymentIntent(row), now))
                                    .replaceWith(() -> outcome(row));
                        })));
    }

    /** The sandbox never forgets a key: the charge made under it, as {@link #chargeOffSession} would answer it. */
    @Override
    public Optional<ChargeOutcome> findCharge(String customerId, Instant since, String idempotencyKey) {
        return Optional.ofNullable(inSession(() -> SandboxIntent.<SandboxIntent>find("idempotencyKey = ?1 and customerId = ?2",
                idempotencyKey, customerId).firstResult().map(row -> row == null ? null : outcome(row))));
    }

    private static ChargeOutcome outcome(SandboxIntent row) {
        return "succeeded".equals(row.status)
                ? new ChargeOutcome.Charged(row.id, row.status)
                : new ChargeOutcome.Declined(row.lastError, "generic_decline");
    }

    @Override
    public Optional<Money> feeOf(String paymentIntentId) {
        return retrieveIntent(paymentIntentId)
                .filter(intent -> "succeeded".equals(intent.status()))
                .map(intent -> new Money(SandboxFees.feeFor(intent.amount().amountMinor()), intent.amount().currency()));
    }

    /**
     * The client pays an intent with a test card, as Stripe.js would confirm it: 4242 4242 4242 4242 succeeds,
     * 4000 0000 0000 0002 is declined. Either way the matching webhook event is queued for delivery.
     *
     * @return the intent after the attempt (status succeeded, or requires_payment_method with the decline)
     */
    public GatewayIntent confirm(String paymentIntentId, String userId, SandboxCards.Outcome card) {
        return inTransaction(() -> SandboxIntent.<SandboxIntent>findById(paymentIntentId, LockModeType.PESSIMISTIC_WRITE).chain(intent -> {
            if (intent == null || !userId.equals(SandboxEvents.metadata(intent).get(NewIntent.USER_ID))) {
                throw ProblemType.NOT_FOUND.because("no such payment intent");
            }
            if (!intent.status.startsWith("requires_")) {
                throw new ProblemException(ProblemType.CONFLICT, "the payment intent is " + intent.status, null);
            }
            Instant now = clock.instant();
            String type;
            if (card instanceof SandboxCards.Approved approved) {
                intent.status = "succeeded";
                intent.paymentMethodId = newId("pm_sandbox_" + approved.last4() + "_");
                intent.latestChargeId = newId("ch_sandbox_");
                intent.lastError = null;
                type = "payment_intent.succeeded";
            } else {
                intent.status = "requires_payment_method";
                intent.lastError = ((SandboxCards.Declined) card).message();
                type = "payment_intent.payment_failed";
            }
            return queue(type, SandboxEvents.paymentIntent(intent), now).replaceWith(() -> view(intent));
        }));
    }

    private Uni<Void> queue(String type, com.fasterxml.jackson.databind.node.ObjectNode object, Instant now) {
        SandboxWebhookDelivery delivery = new SandboxWebhookDelivery();
        delivery.eventId = newId("evt_sandbox_");
        delivery.eventType = type;
        delivery.payload = SandboxEvents.event(delivery.eventId, type, object, now);
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        return delivery.persist().replaceWithVoid();
    }

    private static GatewayIntent view(SandboxIntent row) {
        return new GatewayIntent(row.id, row.status, new Money(row.amountMinor, row.currency), SandboxEvents.metadata(row),
                row.customerId, row.paymentMethodId, row.latestChargeId, row.clientSecret, row.lastError);
    }

    private static GatewayRefund refundView(SandboxRefund refund, SandboxIntent intent) {
        return new GatewayRefund(refund.id, refund.paymentIntentId, new Money(refund.amountMinor, intent.currency), "succeeded");
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        return translate(() -> Db.transaction(work));
    }

    private static <T> T inSession(Supplier<Uni<T>> work) {
        return translate(() -> Db.session(work));
    }

    /** As with Stripe: its refusals pass through; trouble on its side (here, the database) is worth a retry. */
    private static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (GatewayException | ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof GatewayException || cause instanceof ProblemException)) {
                cause = cause.getCause();
            }
            if (cause instanceof GatewayException g) {
                throw g;
            }
            if (cause instanceof ProblemException p) {
                throw p;
            }
            throw new GatewayException(GatewayException.Kind.TRANSIENT, "sandbox unavailable: " + e.getMessage(), e);
        }
    }
}
