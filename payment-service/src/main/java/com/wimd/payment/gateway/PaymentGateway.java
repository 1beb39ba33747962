package com.wimd.payment.gateway;

import com.wimd.events.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * Where money moves: Stripe in production, the sandbox in this service's own database for the local run.
 * Blocking; call it outside any database transaction. Every call that changes something takes an idempotency
 * key (see {@link IdempotencyKeys}), so a retried call (ours or the SDK's) never moves money twice.
 *
 * @throws GatewayException from every method: {@link GatewayException#isTransient()} says whether trying again may help
 */
public interface PaymentGateway {

    /** "stripe" or "sandbox", as answered to the browser. */
    String mode();

    /** Creates the Stripe customer of a user; returns its id. */
    String createCustomer(String userId, String email, String idempotencyKey);

    /** Creates a PaymentIntent that saves the card for later off-session charges. */
    GatewayIntent createIntent(NewIntent intent, String idempotencyKey);

    /** The intent as the gateway sees it now, or empty if it does not exist. */
    Optional<GatewayIntent> retrieveIntent(String paymentIntentId);

    /** Refunds a succeeded intent: {@code amountMinor} null means in full. */
    GatewayRefund refund(String paymentIntentId, Long amountMinor, String idempotencyKey);

    /**
     * The refund of this intent made under this key, found by the key in its metadata (for when the gateway may have
     * forgotten the key itself), or empty if there is none.
     */
    Optional<GatewayRefund> findRefund(String paymentIntentId, String idempotencyKey);

    /** The refund as the gateway sees it now (its status moves on after it was made), or empty if it does not exist. */
    Optional<GatewayRefund> retrieveRefund(String refundId);

    /** Charges a saved card without the client present (a late-cancellation fee, say). A decline is an outcome, not an error. */
    ChargeOutcome chargeOffSession(OffSessionCharge charge, String idempotencyKey);

    /**
     * What the off-session charge made under this key for this customer since {@code since} came to, found by the key
     * in its intent's metadata (for when the gateway may have forgotten the key itself), or empty if there is none.
     */
    Optional<ChargeOutcome> findCharge(String customerId, Instant since, String idempotencyKey);

    /** What the processor kept of a succeeded intent, or empty if it is not known yet. */
    Optional<Money> feeOf(String paymentIntentId);
}
