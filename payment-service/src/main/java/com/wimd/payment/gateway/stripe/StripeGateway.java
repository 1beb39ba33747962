package com.wimd.payment.gateway.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.wimd.events.Money;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.gateway.PaymentGateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Stripe through the official SDK (stripe-java), one {@link StripeClient} per service. */
public class StripeGateway implements PaymentGateway {

    private final StripeClient client;

    public StripeGateway(String secretKey, String apiBase, Duration connectTimeout, Duration readTimeout, int maxNetworkRetries) {
        this.client = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setMaxNetworkRetries(maxNetworkRetries)
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setReadTimeout((int) readTimeout.toMillis())
                .build();
    }

    @Override
    public String mode() {
        return "stripe";
    }

    @Override
    public String createCustomer(String userId, String email, String idempotencyKey) {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().putMetadata(NewIntent.USER_ID, userId);
        if (email != null) {
            params.setEmail(email);
        }
        try {
            return client.v1().customers().create(params.build(), key(idempotencyKey)).getId();
        } catch (StripeException e) {
            throw classify("create customer", e);
        }
    }

    @Override
    public GatewayIntent createIntent(NewIntent intent, String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(intent.amount().amountMinor())
                .setCurrency(intent.amount().currency().toLowerCase(Locale.ROOT))
                .setCustomer(intent.customerId())
                .setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .putMetadata(NewIntent.USER_ID, intent.userId())
                .putMetadata(NewIntent.PRODUCT, intent.product().name().toLowerCase(Locale.ROOT))
                .build();
        try {
            return view(client.v1().paymentIntents().create(params, key(idempotencyKey)));
        } catch (StripeException e) {
            throw classify("create payment intent", e);
        }
    }

    @Override
    public Optional<GatewayIntent> retrieveIntent(String paymentIntentId) {
        try {
            return Optional.of(view(client.v1().paymentIntents().retrieve(paymentIntentId)));
        } catch (StripeException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw classify("retrieve payment intent", e);
        }
    }

    @Override
    public GatewayRefund refund(String paymentIntentId, Long amountMinor, String idempotencyKey) {
        RefundCreateParams.Builder params = RefundCreateParams.builder().setPaymentIntent(paymentIntentId)
                .putMetadata(IdempotencyKeys.METADATA, idempotencyKey);
        if (amountMinor != null) {
            params.setAmount(amountMinor);
        }
        try {
            return view(client.v1().refunds().create(params.build(), key(idempotencyKey)));
        } catch (StripeException e) {
            throw classify("refund", e);
        }
    }

    @Override
    public Optional<GatewayRefund> findRefund(String paymentIntentId, String idempotencyKey) {
        try {
            for (Refund refund : client.v1().refunds().list(RefundListParams.builder().setPaymentIntent(paymentIntentId)
                    .setLimit(100L).build()).autoPagingIterable()) {
                if (refund.getMetadata() != null && idempotencyKey.equals(refund.getMetadata().get(IdempotencyKeys.METADATA))) {
                    return Optional.of(view(refund));
                }
            }
            return Optional.empty();
        } catch (StripeException e) {
            throw classify("list the refunds", e);
        }
    }

    @Override
    public Optional<GatewayRefund> retrieveRefund(String refundId) {
        try {
            return Optional.of(view(client.v1().refunds().retrieve(refundId)));
        } catch (StripeException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw classify("retrieve refund", e);
        }
    }

    /** A Stripe refund as this service reads it (from an API answer or a webhook's object). */
    public static GatewayRefund view(Refund refund) {
        return new GatewayRefund(refund.getId(), refund.getPaymentIntent(),
                new Money(refund.getAmount() == null ? 0 : refund.getAmount(),
                        refund.getCurrency() == null ? "" : refund.getCurrency().toUpperCase(Locale.ROOT)),
                refund.getStatus(), refund.getFailureReason());
    }

    @Override
    public ChargeOutcome chargeOffSession(OffSessionCharge charge, String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(charge.amount().amountMinor())
                .setCurrency(charge.amount().currency().toLowerCase(Locale.ROOT))
                .setCustomer(charge.customerId())
                .setPaymentMethod(charge.paymentMethodId())
                .setOffSession(true)
                .setConfirm(true)
                .putMetadata(NewIntent.USER_ID, charge.userId())
                .putMetadata(NewIntent.PRODUCT, "late_cancellation_fee")
                .putMetadata("booking_id", charge.bookingId().toString())
                .putMetadata(IdempotencyKeys.METADATA, idempotencyKey)
                .build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, key(idempotencyKey));
            return new ChargeOutcome.Charged(intent.getId(), intent.getStatus());
        } catch (StripeException e) {
            GatewayException failure = classify("off-session charge", e);
            if (failure.kind() == GatewayException.Kind.DECLINED) {
                return new ChargeOutcome.Declined(failure.getMessage(), ((CardException) e).getDeclineCode());
            }
            throw failure;
        }
    }

    @Override
    public Optional<ChargeOutcome> findCharge(String customerId, Instant since, String idempotencyKey) {
        PaymentIntentListParams params = PaymentIntentListParams.builder().setCustomer(customerId)
                .setCreated(PaymentIntentListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .setLimit(100L).build();
        try {
            for (PaymentIntent intent : client.v1().paymentIntents().list(params).autoPagingIterable()) {
                if (intent.getMetadata() != null && idempotencyKey.equals(intent.getMetadata().get(IdempotencyKeys.METADATA))) {
                    return Optional.of(outcome(intent));
                }
            }
            return Optional.empty();
        } catch (StripeException e) {
            throw classify("list the customer's payment intents", e);
        }
    }

    /** An off-session intent read back: declined while it asks for another card, charged (its status says how far) otherwise. */
    private static ChargeOutcome outcome(PaymentIntent intent) {
        if ("requires_payment_method".equals(intent.getStatus()) || "canceled".equals(intent.getStatus())) {
            var error = intent.getLastPaymentError();
            return new ChargeOutcome.Declined(error == null || error.getMessage() == null ? "the card was declined" : error.getMessage(),
                    error == null ? null : error.getDeclineCode());
        }
        return new ChargeOutcome.Charged(intent.getId(), intent.getStatus());
    }

    @Override
    public Optional<Money> feeOf(String paymentIntentId) {
        try {
            PaymentIntent intent = client.v1().paymentIntents().retrieve(paymentIntentId,
                    PaymentIntentRetrieveParams.builder().addExpand("latest_charge.balance_transaction").build());
            Charge charge = intent.getLatestChargeObject();
            BalanceTransaction transaction = charge == null ? null : charge.getBalanceTransactionObject();
            if (transaction == null || transaction.getFee() == null) {
                return Optional.empty();
            }
            return Optional.of(new Money(transaction.getFee(), transaction.getCurrency().toUpperCase(Locale.ROOT)));
        } catch (StripeException e) {
            throw classify("read the fee", e);
        }
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** Our view of Stripe's PaymentIntent (also of one delivered in a webhook event). */
    public static GatewayIntent view(PaymentIntent intent) {
        return new GatewayIntent(intent.getId(), intent.getStatus(),
                new Money(intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT)),
                intent.getMetadata(), intent.getCustomer(), intent.getPaymentMethod(), intent.getLatestCharge(),
                intent.getClientSecret(), intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage());
    }

    private static boolean isMissing(StripeException e) {
        return Integer.valueOf(404).equals(e.getStatusCode()) || "resource_missing".equals(e.getCode());
    }

    /** Card errors are declines; no answer, 5xx and 429 may pass on a retry; any other 4xx will not. */
    static GatewayException classify(String what, StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        if (e instanceof CardException) {
            return new GatewayException(GatewayException.Kind.DECLINED, message, e);
        }
        Integer status = e.getStatusCode();
        boolean transientFailure = e instanceof ApiConnectionException || status == null || status >= 500 || status == 429;
        return new GatewayException(transientFailure ? GatewayException.Kind.TRANSIENT : GatewayException.Kind.PERMANENT,
                "Stripe could not " + what + ": " + message, e);
    }
}
