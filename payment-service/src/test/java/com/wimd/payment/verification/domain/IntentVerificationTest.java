package com.wimd.payment.verification.domain;

import com.wimd.events.Money;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.pricing.domain.PriceList;
import com.wimd.payment.pricing.domain.Product;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntentVerificationTest {

    static final PriceList PRICES = new PriceList(Map.of(
            Product.SINGLE, Map.of("USD", 15000L, "CAD", 15000L),
            Product.PACKAGE, Map.of("USD", 50000L, "CAD", 50000L)));
    static final UUID BOOKING = UUID.randomUUID();
    static final IntentVerification.Claim ALICE_SINGLE = new IntentVerification.Claim(BOOKING, "alice", Product.SINGLE);

    static GatewayIntent intent(String user, String product, long amount, String currency, String status, String lastError) {
        return new GatewayIntent("pi_1", status, new Money(amount, currency), Map.of("user_id", user, "product", product),
                "cus_1", "pm_1", "ch_1", "pi_1_secret", lastError);
    }

    static IntentVerification.Result verify(GatewayIntent intent) {
        return IntentVerification.verify(ALICE_SINGLE, Optional.of(intent), PRICES, null, false);
    }

    @Test
    void a_succeeded_intent_of_this_user_for_this_product_at_the_listed_price_is_accepted_as_paid() {
        assertThat(verify(intent("alice", "single", 15000, "CAD", "succeeded", null)))
                .isEqualTo(new IntentVerification.Accepted(true));
    }

    @Test
    void an_intent_still_being_paid_is_accepted_as_waiting() {
        assertThat(verify(intent("alice", "single", 15000, "USD", "processing", null)))
                .isEqualTo(new IntentVerification.Accepted(false));
        assertThat(verify(intent("alice", "single", 15000, "USD", "requires_payment_method", null)))
                .isEqualTo(new IntentVerification.Accepted(false));
    }

    @Test
    void another_users_intent_is_rejected() {
        assertThat(verify(intent("bob", "single", 15000, "CAD", "succeeded", null)))
                .isEqualTo(new IntentVerification.Rejected("the payment belongs to another user"));
    }

    @Test
    void an_intent_for_another_product_or_amount_or_currency_is_rejected() {
        assertThat(verify(intent("alice", "package", 50000, "CAD", "succeeded", null)))
                .isInstanceOf(IntentVerification.Rejected.class);
        assertThat(verify(intent("alice", "single", 100, "CAD", "succeeded", null)))
                .isInstanceOf(IntentVerification.Rejected.class);
        assertThat(verify(intent("alice", "single", 15000, "EUR", "succeeded", null)))
                .isInstanceOf(IntentVerification.Rejected.class);
    }

    @Test
    void an_intent_that_pays_for_another_booking_is_rejected_but_one_bound_to_this_booking_is_not() {
        GatewayIntent paid = intent("alice", "single", 15000, "CAD", "succeeded", null);
        assertThat(IntentVerification.verify(ALICE_SINGLE, Optional.of(paid), PRICES, UUID.randomUUID(), false))
                .isEqualTo(new IntentVerification.Rejected("the payment already pays for another booking or package"));
        assertThat(IntentVerification.verify(ALICE_SINGLE, Optional.of(paid), PRICES, BOOKING, false))
                .isEqualTo(new IntentVerification.Accepted(true));
    }

    @Test
    void a_declined_or_canceled_intent_is_a_failed_payment_and_a_missing_one_is_rejected() {
        assertThat(verify(intent("alice", "single", 15000, "CAD", "requires_payment_method", "Your card was declined.")))
                .isEqualTo(new IntentVerification.PaymentFailed("the payment failed: Your card was declined."));
        assertThat(verify(intent("alice", "single", 15000, "CAD", "canceled", null)))
                .isEqualTo(new IntentVerification.PaymentFailed("the payment was canceled"));
        assertThat(IntentVerification.verify(ALICE_SINGLE, Optional.empty(), PRICES, null, false))
                .isEqualTo(new IntentVerification.Rejected("no such payment"));
    }

    @Test
    void a_success_we_heard_by_webhook_counts_even_if_the_lookup_was_older() {
        assertThat(IntentVerification.verify(ALICE_SINGLE, Optional.of(intent("alice", "single", 15000, "CAD", "processing", null)),
                PRICES, null, true)).isEqualTo(new IntentVerification.Accepted(true));
    }
}
