package com.wimd.payment.verification.domain;

import com.wimd.events.Money;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.pricing.domain.PriceList;
import com.wimd.payment.pricing.domain.Product;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a PaymentIntent may pay for a booking or package: it is this client's, for this product, for the
 * listed price in its currency, and pays for nothing else. A client names the intent; we never take their word
 * for what it paid.
 */
public final class IntentVerification {

    private IntentVerification() {
    }

    /** What the request claims: who pays, for what, and for which booking or package. */
    public record Claim(UUID correlationId, String userId, Product product) {
    }

    public sealed interface Result {
    }

    /** The intent may pay for the claim; {@code paid}: it has already succeeded. */
    public record Accepted(boolean paid) implements Result {
    }

    /**
     * The intent is the right one but its payment failed or was canceled. It is still bound to the claim, so a
     * later success (a retried card) is given back rather than left paying for nothing.
     */
    public record PaymentFailed(String reason) implements Result {
    }

    /** The intent may not pay for the claim at all. */
    public record Rejected(String reason) implements Result {
    }

    /**
     * @param intent          the intent as the gateway reports it now; empty if it does not exist
     * @param alreadyPaysFor  the booking or package the intent is bound to, or null
     * @param succeededHere   our own record already says the intent succeeded (a webhook got here first)
     */
    public static Result verify(Claim claim, Optional<GatewayIntent> intent, PriceList prices, UUID alreadyPaysFor,
                                boolean succeededHere) {
        if (intent.isEmpty()) {
            return new Rejected("no such payment");
        }
        GatewayIntent found = intent.get();
        if (!claim.userId().equals(found.userId())) {
            return new Rejected("the payment belongs to another user");
        }
        String product = claim.product().name().toLowerCase(Locale.ROOT);
        if (!product.equals(found.product())) {
            return new Rejected("the payment is for " + (found.product() == null ? "something else" : "a " + found.product())
                    + ", not a " + product);
        }
        Optional<Money> price = prices.price(claim.product(), found.amount().currency());
        if (price.isEmpty()) {
            return new Rejected("the coach does not take " + found.amount().currency());
        }
        if (price.get().amountMinor() != found.amount().amountMinor()) {
            return new Rejected("the amount paid (" + found.amount().amountMinor() + " " + found.amount().currency()
                    + ") is not the price (" + price.get().amountMinor() + " " + price.get().currency() + ")");
        }
        if (alreadyPaysFor != null && !alreadyPaysFor.equals(claim.correlationId())) {
            return new Rejected("the payment already pays for another booking or package");
        }
        IntentOutcome outcome = succeededHere ? new IntentOutcome.Paid() : IntentOutcome.of(found);
        if (outcome instanceof IntentOutcome.Failed failed) {
            return new PaymentFailed(failed.reason());
        }
        return new Accepted(outcome instanceof IntentOutcome.Paid);
    }
}
