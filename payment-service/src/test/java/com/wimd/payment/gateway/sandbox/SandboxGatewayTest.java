package com.wimd.payment.gateway.sandbox;

import com.wimd.events.Money;
import com.wimd.payment.Database;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.pricing.domain.Product;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sandbox keeps the parts of Stripe's behaviour the service relies on. */
@QuarkusTest
class SandboxGatewayTest {

    @Inject
    SandboxGateway sandbox;

    GatewayIntent paid(String user) {
        String customer = sandbox.createCustomer(user, user + "@example.com", IdempotencyKeys.customer(user));
        GatewayIntent intent = sandbox.createIntent(new NewIntent(new Money(15000, "CAD"), customer, user, Product.SINGLE),
                "test:" + UUID.randomUUID());
        return sandbox.confirm(intent.id(), user, new SandboxCards.Approved("4242"));
    }

    @Test
    void the_same_idempotency_key_answers_the_same_customer_and_intent() {
        assertThat(sandbox.createCustomer("wes", null, "customer:wes")).isEqualTo(sandbox.createCustomer("wes", null, "customer:wes"));
        NewIntent intent = new NewIntent(new Money(15000, "CAD"), null, "wes", Product.SINGLE);
        assertThat(sandbox.createIntent(intent, "intent:wes:1").id()).isEqualTo(sandbox.createIntent(intent, "intent:wes:1").id());
        assertThatThrownBy(() -> sandbox.createIntent(new NewIntent(new Money(1, "CAD"), null, "wes", Product.SINGLE), "intent:wes:1"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.PERMANENT));
    }

    @Test
    void a_paid_intent_has_a_saved_card_a_charge_and_the_standard_fee() {
        GatewayIntent intent = paid("xena");
        assertThat(intent.status()).isEqualTo("succeeded");
        assertThat(intent.paymentMethodId()).startsWith("pm_sandbox_4242_");
        assertThat(intent.latestChargeId()).startsWith("ch_sandbox_");
        assertThat(sandbox.feeOf(intent.id())).contains(new Money(465, "CAD"));
    }

    @Test
    void refunds_never_exceed_what_was_paid_and_a_repeated_key_moves_no_money() {
        GatewayIntent intent = paid("yara");
        GatewayRefund part = sandbox.refund(intent.id(), 5000L, "refund:part");
        assertThat(sandbox.refund(intent.id(), 5000L, "refund:part")).isEqualTo(part);
        GatewayRefund rest = sandbox.refund(intent.id(), null, "refund:rest");
        assertThat(rest.amount()).isEqualTo(new Money(10000, "CAD"));
        assertThatThrownBy(() -> sandbox.refund(intent.id(), 1L, "refund:more"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.isTransient()).isFalse());
        assertThat(Database.count("select sum(amount_minor) from sandbox_refunds where payment_intent_id = ?", intent.id()))
                .isEqualTo(15000);
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.count(
                "select count(*) from sandbox_webhook_deliveries where event_type = 'charge.refunded' and payload like ? and delivered_at is not null",
                "%" + intent.id() + "%") == 2);
    }

    @Test
    void what_a_key_made_is_found_by_it_and_nothing_is_found_for_a_key_never_used() {
        GatewayIntent purchase = paid("yves");
        GatewayRefund refund = sandbox.refund(purchase.id(), 5000L, "refund:yves");
        assertThat(sandbox.findRefund(purchase.id(), "refund:yves")).contains(refund);
        assertThat(sandbox.findRefund(purchase.id(), "refund:nobody")).isEmpty();

        UUID booking = UUID.randomUUID();
        ChargeOutcome charged = sandbox.chargeOffSession(new OffSessionCharge(new Money(7500, "CAD"), purchase.customerId(),
                purchase.paymentMethodId(), "yves", booking), IdempotencyKeys.fee(booking, "cancel"));
        java.time.Instant since = java.time.Instant.now().minus(Duration.ofHours(1));
        assertThat(sandbox.findCharge(purchase.customerId(), since, IdempotencyKeys.fee(booking, "cancel"))).contains(charged);
        assertThat(sandbox.findCharge(purchase.customerId(), since, IdempotencyKeys.fee(booking, "reschedule-1"))).isEmpty();
    }

    @Test
    void a_card_saved_at_a_purchase_pays_a_late_fee_off_session_and_an_unknown_card_is_declined() {
        GatewayIntent purchase = paid("zoe");
        UUID booking = UUID.randomUUID();
        OffSessionCharge fee = new OffSessionCharge(new Money(7500, "CAD"), purchase.customerId(), purchase.paymentMethodId(), "zoe", booking);

        ChargeOutcome charged = sandbox.chargeOffSession(fee, IdempotencyKeys.fee(booking, "cancel"));
        assertThat(charged).isInstanceOf(ChargeOutcome.Charged.class);
        assertThat(sandbox.chargeOffSession(fee, IdempotencyKeys.fee(booking, "cancel"))).isEqualTo(charged);

        ChargeOutcome declined = sandbox.chargeOffSession(new OffSessionCharge(new Money(7500, "CAD"), purchase.customerId(),
                "pm_someone_elses", "zoe", UUID.randomUUID()), "fee:other");
        assertThat(declined).isInstanceOf(ChargeOutcome.Declined.class);
    }
}
