package com.wimd.payment.verification.service;

import com.wimd.events.BookingRequested;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.Money;
import com.wimd.events.PackagePaymentFailed;
import com.wimd.events.PackagePaymentSucceeded;
import com.wimd.events.PackagePurchaseRequested;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentSucceeded;
import com.wimd.support.db.Db;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.PaymentGateway;
import com.wimd.payment.intents.persistence.Payment;
import com.wimd.payment.intents.persistence.PaymentStatus;
import com.wimd.payment.intents.service.PaymentRecords;
import com.wimd.payment.messaging.Envelopes;
import com.wimd.payment.pricing.domain.PriceList;
import com.wimd.payment.pricing.domain.Product;
import com.wimd.payment.refunds.service.Refunds;
import com.wimd.payment.verification.domain.IntentVerification;
import com.wimd.payment.verification.domain.PaymentStep;
import com.wimd.payment.verification.persistence.PaymentRequest;
import com.wimd.support.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The payment step of the saga: verifies the intent a booking or package names, binds it, and moves the step
 * on as the request, the webhooks and BookingFailed arrive (in any order). Every method returning a Uni runs in
 * the caller's transaction and writes its events to the outbox there.
 */
@ApplicationScoped
public class PaymentSteps {

    private static final Logger LOG = Logger.getLogger(PaymentSteps.class);
    private static final int LOOKUP_TRIES = 3;
    private static final Duration LOOKUP_BACKOFF = Duration.ofMillis(250);
    private static final jakarta.enterprise.util.TypeLiteral<Optional<GatewayIntent>> INTENT = new jakarta.enterprise.util.TypeLiteral<>() {
    };
    /** A few quick tries of a transient failure (SmallRye Fault Tolerance); what outlasts them is verified later. */
    private final Guard lookups;

    private final PaymentGateway gateway;
    private final PriceList prices;
    private final Outbox outbox;
    private final Refunds refunds;
    private final PaymentRecords payments;
    private final Clock clock;

    public PaymentSteps(PaymentGateway gateway, PriceList prices, Outbox outbox, Refunds refunds, PaymentRecords payments,
                        Clock clock) {
        this.gateway = gateway;
        this.payments = payments;
        this.prices = prices;
        this.outbox = outbox;
        this.refunds = refunds;
        this.clock = clock;
        this.lookups = Guard.create()
                .withRetry().maxRetries(LOOKUP_TRIES - 1).maxDuration(0, ChronoUnit.MILLIS)
                .delay(LOOKUP_BACKOFF.toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> e instanceof GatewayException g && g.isTransient())
                .beforeRetry(e -> LOG.warnf("looking up an intent failed, trying again: %s", e.getMessage()))
                .withExponentialBackoff().factor(2).maxDelay(5, ChronoUnit.SECONDS).done()
                .done().build();
    }

    /** A booking or package purchase that names the intent paying for it. */
    public record Request(UUID correlationId, PaymentRequest.Kind kind, String userId, Product product,
                          String paymentIntentId, UUID eventId, String event) {

        public static Request of(EventEnvelope<BookingRequested> envelope) {
            BookingRequested booking = envelope.payload();
            return new Request(booking.bookingId(), PaymentRequest.Kind.BOOKING, booking.client().userId(), Product.SINGLE,
                    booking.paymentIntentId(), envelope.eventId(), EventCodec.encode(envelope));
        }

        public static Request ofPackage(EventEnvelope<PackagePurchaseRequested> envelope) {
            PackagePurchaseRequested purchase = envelope.payload();
            return new Request(purchase.packageId(), PaymentRequest.Kind.PACKAGE, purchase.client().userId(), Product.PACKAGE,
                    purchase.paymentIntentId(), envelope.eventId(), EventCodec.encode(envelope));
        }

        static Request of(PaymentRequest row) {
            EventEnvelope<EventPayload> envelope = row.request();
            if (envelope.payload() instanceof BookingRequested) {
                @SuppressWarnings("unchecked")
                EventEnvelope<BookingRequested> booking = (EventEnvelope<BookingRequested>) (EventEnvelope<?>) envelope;
                return of(booking);
            }
            @SuppressWarnings("unchecked")
            EventEnvelope<PackagePurchaseRequested> purchase = (EventEnvelope<PackagePurchaseRequested>) (EventEnvelope<?>) envelope;
            return ofPackage(purchase);
        }
    }

    /** What the gateway said about the intent. */
    public sealed interface Lookup {
    }

    public record Found(Optional<GatewayIntent> intent) implements Lookup {
    }

    public record Unreachable(String reason) implements Lookup {
    }

    /** Blocking, outside any transaction: asks the gateway, retrying a transient failure briefly. */
    public Lookup lookUp(String paymentIntentId) {
        if (paymentIntentId == null || paymentIntentId.isBlank()) {
            return new Found(Optional.empty());
        }
        try {
            return new Found(lookups.get(() -> gateway.retrieveIntent(paymentIntentId), INTENT));
        } catch (GatewayException e) {
            if (!e.isTransient()) {
                // Not "no such intent" (that is an empty answer): a refusal of us, such as a bad API key.
                // Failing the booking for our own misconfiguration would be wrong; verify it again later.
                LOG.errorf("the gateway refused to look up %s: %s", paymentIntentId, e.getMessage());
            }
            return new Unreachable(e.getMessage());
        }
    }

    /** A booking or package names its intent: verify, bind, announce what is known. */
    public Uni<Void> onRequested(Request request, Lookup lookup) {
        if (lookup instanceof Unreachable unreachable) {
            return requestRow(request.correlationId(), request.kind()).chain(row -> {
                remember(row, request);
                return apply(row, null, new PaymentStep.Unverifiable(unreachable.reason()), request.eventId());
            });
        }
        Optional<GatewayIntent> intent = ((Found) lookup).intent();
        Uni<Void> known = intent.map(payments::ensure).orElse(Uni.createFrom().voidItem());
        return known.chain(() -> request.paymentIntentId() == null ? Uni.createFrom().nullItem()
                        : Payment.byIntentForUpdate(request.paymentIntentId()))
                .call(payment -> releaseFromFailedClaim(payment, request))
                .chain(payment -> requestRow(request.correlationId(), request.kind()).chain(row -> {
                    if (row.status != PaymentStep.Status.NOT_REQUESTED && row.status != PaymentStep.Status.UNVERIFIED) {
                        return Uni.createFrom().voidItem(); // this booking was verified before
                    }
                    remember(row, request);
                    UUID boundTo = payment == null ? null : payment.bookingId != null ? payment.bookingId : payment.packageId;
                    IntentVerification.Result result = payment != null && payment.orphanedAt != null && boundTo == null
                            ? new IntentVerification.Rejected("the payment was given back: nothing took it in time")
                            : IntentVerification.verify(
                            new IntentVerification.Claim(request.correlationId(), request.userId(), request.product()),
                            intent, prices, boundTo, payment != null && payment.status == PaymentStatus.SUCCEEDED);
                    PaymentStep.Input input;
                    Payment bound = null;
                    if (result instanceof IntentVerification.Accepted accepted) {
                        bound = bind(payment, request, intent.orElseThrow());
                        input = new PaymentStep.Verified(accepted.paid());
                    } else if (result instanceof IntentVerification.PaymentFailed failed) {
                        bound = bind(payment, request, intent.orElseThrow());
                        input = new PaymentStep.Rejected(failed.reason());
                    } else {
                        input = new PaymentStep.Rejected(((IntentVerification.Rejected) result).reason());
                    }
                    return apply(row, bound, input, request.eventId());
                }));
    }

    /**
     * In the caller's transaction, the payment locked: an intent whose payment failed for an earlier booking or
     * package of the same client (a declined card) is free again for this one, as when the client tries another
     * card on the same payment form and books again. Once it has succeeded it stays with its claim (a late success
     * for a failed claim is given back), and another client's claim never takes it.
     */
    private Uni<Void> releaseFromFailedClaim(Payment payment, Request request) {
        if (payment == null || payment.status == PaymentStatus.SUCCEEDED || !request.userId().equals(payment.userId)) {
            return Uni.createFrom().voidItem();
        }
        UUID boundTo = payment.bookingId != null ? payment.bookingId : payment.packageId;
        if (boundTo == null || boundTo.equals(request.correlationId())) {
            return Uni.createFrom().voidItem();
        }
        return PaymentRequest.<PaymentRequest>findById(boundTo).invoke(earlier -> {
            if (earlier != null && earlier.status == PaymentStep.Status.FAILED) {
                LOG.infof("%s failed for %s %s; %s %s takes it now", payment.paymentIntentId, earlier.kind, boundTo,
                        request.kind(), request.correlationId());
                payment.bookingId = null;
                payment.packageId = null;
            }
        }).replaceWithVoid();
    }

    /**
     * In the caller's transaction: why a payment pays for nothing, in words for its client: the reason its booking
     * or package could not take it, if one tried.
     */
    public Uni<String> whyUnbound(String paymentIntentId) {
        return PaymentRequest.<PaymentRequest>find("paymentIntentId = ?1 and reason is not null order by updatedAt desc",
                        paymentIntentId).firstResult()
                .map(row -> row == null
                        ? "no booking or package used this payment"
                        : "the " + (row.kind == PaymentRequest.Kind.PACKAGE ? "package" : "booking")
                                + " could not use this payment: " + row.reason);
    }

    /** Blocking: tries again to verify the requests whose intent could not be looked up (oldest first). */
    public int verifyUnverified(Duration age) {
        Instant before = clock.instant().minus(age);
        List<PaymentRequest> rows = Db.session(() -> PaymentRequest.<PaymentRequest>find(
                "status = ?1 and updatedAt < ?2 order by updatedAt", PaymentStep.Status.UNVERIFIED, before).page(0, 20).list());
        for (PaymentRequest row : rows) {
            Request request = Request.of(row);
            Lookup lookup = lookUp(request.paymentIntentId());
            Db.transaction(() -> onRequested(request, lookup));
            refunds.carryOut(request.correlationId());
        }
        return rows.size();
    }

    /** A webhook moved a bound intent on: the booking or package waiting on it follows. */
    public Uni<Void> onIntentEvent(Payment payment, PaymentStep.Input input) {
        UUID correlationId = payment.bookingId != null ? payment.bookingId : payment.packageId;
        if (correlationId == null) {
            return Uni.createFrom().voidItem(); // nobody has named this intent yet: the request will see its status
        }
        return PaymentRequest.forUpdate(correlationId).chain(row -> row == null
                ? Uni.createFrom().voidItem()
                : apply(row, payment, input, causeOf(row)));
    }

    /** BookingFailed: the booking will not happen; whatever it paid goes back, whenever it is paid. */
    public Uni<Void> onBookingFailed(UUID bookingId, String reason, UUID causeEventId) {
        return onAbandoned(bookingId, PaymentRequest.Kind.BOOKING, reason == null ? "the booking failed" : reason,
                causeEventId);
    }

    /** PackagePurchaseFailed: booking-service gave up on the package; whatever it paid goes back, whenever it is paid. */
    public Uni<Void> onPackagePurchaseFailed(UUID packageId, String reason, UUID causeEventId) {
        return onAbandoned(packageId, PaymentRequest.Kind.PACKAGE,
                reason == null ? "the package purchase failed" : reason, causeEventId);
    }

    private Uni<Void> onAbandoned(UUID correlationId, PaymentRequest.Kind kind, String reason, UUID causeEventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select payment_intent_id from payment_requests where correlation_id = ?1", String.class)
                        .setParameter(1, correlationId).getResultList())
                .chain(intentIds -> intentIds.isEmpty() || intentIds.get(0) == null
                        ? Uni.createFrom().<Payment>nullItem() : Payment.byIntentForUpdate(intentIds.get(0)))
                .chain(payment -> requestRow(correlationId, kind).chain(row -> apply(row,
                        payment != null && payment.paysFor(correlationId) ? payment : null,
                        new PaymentStep.BookingAbandoned(reason), causeEventId)));
    }

    /** Applies one input to the step and carries out what it decides. */
    Uni<Void> apply(PaymentRequest row, Payment payment, PaymentStep.Input input, UUID causeEventId) {
        PaymentStep.Decision decision = PaymentStep.next(row.state(), input);
        Instant now = clock.instant();
        row.status = decision.next().status();
        row.abandoned = decision.next().abandoned();
        row.updatedAt = now;
        PaymentStep.Action action = decision.action();
        if (input instanceof PaymentStep.Rejected rejected && row.reason == null) {
            row.reason = rejected.reason();
        } else if (input instanceof PaymentStep.Unverifiable unverifiable) {
            row.reason = unverifiable.reason();
        }
        if (action instanceof PaymentStep.AnnounceSuccess) {
            row.reason = null;
            return outbox.add(success(row, payment, now));
        }
        if (action instanceof PaymentStep.AnnounceFailure failure) {
            row.reason = failure.reason();
            return outbox.add(failure(row, failure.reason(), now));
        }
        if (action instanceof PaymentStep.Release release) {
            if (payment != null && payment.paysFor(row.correlationId)) {
                LOG.infof("%s succeeded after its payment had failed for %s %s: released for the client's next booking "
                        + "(refunded as an orphan if none takes it)", payment.paymentIntentId, row.kind, row.correlationId);
                payment.bookingId = null;
                payment.packageId = null;
            }
            return Uni.createFrom().voidItem();
        }
        if (action instanceof PaymentStep.GiveBack giveBack) {
            row.reason = giveBack.reason();
            if (payment == null) {
                LOG.errorf("%s %s must be refunded but names no bound payment", row.kind, row.correlationId);
                return Uni.createFrom().voidItem();
            }
            return refunds.decide(row, payment, giveBack.reason(), causeEventId);
        }
        return Uni.createFrom().voidItem();
    }

    /** The step's row, locked; created (and so locked) when this is the first we hear of the booking. */
    private Uni<PaymentRequest> requestRow(UUID correlationId, PaymentRequest.Kind kind) {
        return PaymentRequest.forUpdate(correlationId).chain(row -> {
            if (row != null) {
                return Uni.createFrom().item(row);
            }
            PaymentRequest created = new PaymentRequest();
            created.correlationId = correlationId;
            created.kind = kind;
            created.status = PaymentStep.Status.NOT_REQUESTED;
            created.createdAt = clock.instant();
            created.updatedAt = created.createdAt;
            return created.persist().replaceWith(created);
        });
    }

    private static void remember(PaymentRequest row, Request request) {
        row.paymentIntentId = request.paymentIntentId();
        row.requestEvent = request.event();
    }

    /** Binds the intent to the request (it is locked and was free or already ours), and takes in the gateway's news. */
    private Payment bind(Payment payment, Request request, GatewayIntent intent) {
        if (request.kind() == PaymentRequest.Kind.BOOKING) {
            payment.bookingId = request.correlationId();
        } else {
            payment.packageId = request.correlationId();
        }
        PaymentStatus reported = PaymentStatus.of(intent.intentStatus());
        if (!payment.status.isFinal() && reported.isFinal()) {
            payment.status = reported;
            payment.paymentMethodId = intent.paymentMethodId();
            if (reported == PaymentStatus.SUCCEEDED) {
                payment.succeededAt = clock.instant();
            }
        }
        return payment;
    }

    private EventEnvelope<?> success(PaymentRequest row, Payment payment, Instant now) {
        EventEnvelope<EventPayload> request = row.request();
        Money amount = new Money(payment.amountMinor, payment.currency);
        EventPayload event = request.payload() instanceof BookingRequested booking
                ? new PaymentSucceeded(booking.bookingId(), payment.paymentIntentId, amount, booking.client(),
                booking.bookingType(), booking.slotStart(), booking.slotEnd())
                : request.payload() instanceof PackagePurchaseRequested purchase
                ? new PackagePaymentSucceeded(row.correlationId, payment.paymentIntentId, amount, purchase.client(),
                purchase.sessions())
                : new PackagePaymentSucceeded(row.correlationId, payment.paymentIntentId, amount);
        return Envelopes.causedBy(event, request.eventId(), now);
    }

    private EventEnvelope<?> failure(PaymentRequest row, String reason, Instant now) {
        EventEnvelope<EventPayload> request = row.request();
        EventPayload event = row.kind == PaymentRequest.Kind.BOOKING
                ? new PaymentFailed(row.correlationId, row.paymentIntentId, reason)
                : new PackagePaymentFailed(row.correlationId, row.paymentIntentId, reason,
                request != null && request.payload() instanceof PackagePurchaseRequested purchase ? purchase.client() : null);
        return Envelopes.causedBy(event, request.eventId(), now);
    }

    private static UUID causeOf(PaymentRequest row) {
        return row.requestEvent == null ? null : row.request().eventId();
    }
}
