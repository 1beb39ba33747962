package com.wimd.payment.gateway.stripe;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.wimd.events.Money;
import com.wimd.payment.gateway.ChargeOutcome;
import com.wimd.payment.gateway.GatewayException;
import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.GatewayRefund;
import com.wimd.payment.gateway.IdempotencyKeys;
import com.wimd.payment.gateway.NewIntent;
import com.wimd.payment.gateway.OffSessionCharge;
import com.wimd.payment.pricing.domain.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production adapter through the real stripe-java, against an HTTP fake of Stripe's API. */
class StripeGatewayTest {

    static WireMockServer stripe;
    StripeGateway gateway;

    static final String INTENT_JSON = """
            {"id":"pi_1","object":"payment_intent","amount":15000,"currency":"cad","status":"requires_payment_method",
             "client_secret":"pi_1_secret_abc","customer":"cus_1","payment_method":null,"latest_charge":null,
             "metadata":{"user_id":"user-1","product":"single"}}""";

    @BeforeAll
    static void start() {
        stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        stripe.start();
    }

    @AfterAll
    static void stop() {
        stripe.stop();
    }

    @BeforeEach
    void gateway() {
        stripe.resetAll();
        gateway = new StripeGateway("sk_test_fake", "http://localhost:" + stripe.port(), Duration.ofSeconds(2),
                Duration.ofMillis(500), 2);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void an_intent_is_created_form_encoded_saving_the_card_with_our_metadata_and_idempotency_key() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(200, INTENT_JSON)));

        GatewayIntent intent = gateway.createIntent(new NewIntent(new Money(15000, "CAD"), "cus_1", "user-1", Product.SINGLE),
                IdempotencyKeys.intent("user-1", "req-1"));

        assertThat(intent.id()).isEqualTo("pi_1");
        assertThat(intent.clientSecret()).isEqualTo("pi_1_secret_abc");
        assertThat(intent.amount()).isEqualTo(new Money(15000, "CAD"));
        assertThat(intent.userId()).isEqualTo("user-1");
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Authorization", equalTo("Bearer sk_test_fake"))
                .withHeader("Idempotency-Key", equalTo("intent:user-1:req-1"))
                .withFormParam("amount", equalTo("15000"))
                .withFormParam("currency", equalTo("cad"))
                .withFormParam("customer", equalTo("cus_1"))
                .withFormParam("setup_future_usage", equalTo("off_session"))
                .withFormParam("automatic_payment_methods[enabled]", equalTo("true"))
                .withFormParam("metadata[user_id]", equalTo("user-1"))
                .withFormParam("metadata[product]", equalTo("single")));
    }

    @Test
    void a_customer_is_created_once_per_user_key() {
        stripe.stubFor(post(urlPathEqualTo("/v1/customers"))
                .willReturn(json(200, "{\"id\":\"cus_9\",\"object\":\"customer\",\"email\":\"a@example.com\"}")));

        assertThat(gateway.createCustomer("user-1", "a@example.com", IdempotencyKeys.customer("user-1"))).isEqualTo("cus_9");
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("customer:user-1"))
                .withFormParam("email", equalTo("a@example.com"))
                .withFormParam("metadata[user_id]", equalTo("user-1")));
    }

    @Test
    void an_intent_is_retrieved_with_its_status_customer_payment_method_and_charge() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_2")).willReturn(json(200, """
                {"id":"pi_2","object":"payment_intent","amount":50000,"currency":"usd","status":"succeeded",
                 "customer":"cus_1","payment_method":"pm_1","latest_charge":"ch_1",
                 "metadata":{"user_id":"user-1","product":"package"}}""")));

        GatewayIntent intent = gateway.retrieveIntent("pi_2").orElseThrow();

        assertThat(intent.status()).isEqualTo("succeeded");
        assertThat(intent.amount()).isEqualTo(new Money(50000, "USD"));
        assertThat(intent.product()).isEqualTo("package");
        assertThat(intent.customerId()).isEqualTo("cus_1");
        assertThat(intent.paymentMethodId()).isEqualTo("pm_1");
        assertThat(intent.latestChargeId()).isEqualTo("ch_1");
    }

    @Test
    void an_intent_stripe_does_not_know_is_absent_and_another_refusal_is_permanent() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_missing")).willReturn(json(404, """
                {"error":{"type":"invalid_request_error","code":"resource_missing","message":"No such payment_intent: 'pi_missing'"}}""")));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json(400, """
                {"error":{"type":"invalid_request_error","code":"charge_already_refunded","message":"Charge has already been refunded."}}""")));

        assertThat(gateway.retrieveIntent("pi_missing")).isEmpty();
        assertThatThrownBy(() -> gateway.refund("pi_1", null, "refund:x"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GatewayException.Kind.PERMANENT);
                    assertThat(e.getMessage()).contains("already been refunded");
                });
    }

    @Test
    void a_refund_names_the_intent_and_the_amount_under_the_bookings_key() {
        UUID booking = UUID.randomUUID();
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json(200, """
                {"id":"re_1","object":"refund","amount":7500,"currency":"cad","status":"succeeded","payment_intent":"pi_1"}""")));

        GatewayRefund refund = gateway.refund("pi_1", 7500L, IdempotencyKeys.refund(booking));

        assertThat(refund).isEqualTo(new GatewayRefund("re_1", "pi_1", new Money(7500, "CAD"), "succeeded"));
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund:" + booking))
                .withFormParam("payment_intent", equalTo("pi_1"))
                .withFormParam("amount", equalTo("7500"))
                .withFormParam("metadata[idempotency_key]", equalTo("refund:" + booking)));
    }

    @Test
    void a_refund_is_found_among_its_intents_refunds_by_the_key_in_its_metadata_and_another_keys_is_not() {
        stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).withQueryParam("payment_intent", equalTo("pi_1")).willReturn(json(200, """
                {"object":"list","url":"/v1/refunds","has_more":false,"data":[
                 {"id":"re_other","object":"refund","amount":15000,"currency":"cad","status":"succeeded","payment_intent":"pi_1",
                  "metadata":{"idempotency_key":"refund:someone-else"}},
                 {"id":"re_dashboard","object":"refund","amount":100,"currency":"cad","status":"succeeded","payment_intent":"pi_1",
                  "metadata":{}},
                 {"id":"re_ours","object":"refund","amount":7500,"currency":"cad","status":"pending","payment_intent":"pi_1",
                  "metadata":{"idempotency_key":"refund:ours"}}]}""")));

        assertThat(gateway.findRefund("pi_1", "refund:ours"))
                .contains(new GatewayRefund("re_ours", "pi_1", new Money(7500, "CAD"), "pending"));
        assertThat(gateway.findRefund("pi_1", "refund:never-made")).isEmpty();
    }

    @Test
    void a_late_fee_is_charged_off_session_on_the_saved_card() {
        UUID booking = UUID.randomUUID();
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(200, """
                {"id":"pi_fee","object":"payment_intent","amount":7500,"currency":"cad","status":"succeeded"}""")));

        ChargeOutcome outcome = gateway.chargeOffSession(
                new OffSessionCharge(new Money(7500, "CAD"), "cus_1", "pm_1", "user-1", booking), IdempotencyKeys.fee(booking, "cancel"));

        assertThat(outcome).isEqualTo(new ChargeOutcome.Charged("pi_fee", "succeeded"));
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("fee:" + booking + ":cancel"))
                .withFormParam("off_session", equalTo("true"))
                .withFormParam("confirm", equalTo("true"))
                .withFormParam("customer", equalTo("cus_1"))
                .withFormParam("payment_method", equalTo("pm_1"))
                .withFormParam("amount", equalTo("7500"))
                .withFormParam("metadata[idempotency_key]", equalTo("fee:" + booking + ":cancel")));
    }

    @Test
    void a_late_fee_is_found_among_the_customers_intents_since_it_was_decided_by_the_key_in_its_metadata() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents")).withQueryParam("customer", equalTo("cus_1"))
                .withQueryParam("created[gte]", equalTo("1796000000")).willReturn(json(200, """
                {"object":"list","url":"/v1/payment_intents","has_more":false,"data":[
                 {"id":"pi_session","object":"payment_intent","amount":15000,"currency":"cad","status":"succeeded",
                  "metadata":{"user_id":"user-1","product":"single"}},
                 {"id":"pi_fee","object":"payment_intent","amount":7500,"currency":"cad","status":"succeeded",
                  "metadata":{"idempotency_key":"fee:b1:cancel"}},
                 {"id":"pi_declined","object":"payment_intent","amount":7500,"currency":"cad","status":"requires_payment_method",
                  "last_payment_error":{"type":"card_error","decline_code":"insufficient_funds","message":"Your card has insufficient funds."},
                  "metadata":{"idempotency_key":"fee:b2:cancel"}}]}""")));
        java.time.Instant decided = java.time.Instant.ofEpochSecond(1796000000);

        assertThat(gateway.findCharge("cus_1", decided, "fee:b1:cancel")).contains(new ChargeOutcome.Charged("pi_fee", "succeeded"));
        assertThat(gateway.findCharge("cus_1", decided, "fee:b2:cancel"))
                .contains(new ChargeOutcome.Declined("Your card has insufficient funds.", "insufficient_funds"));
        assertThat(gateway.findCharge("cus_1", decided, "fee:b3:cancel")).isEmpty();
    }

    @Test
    void a_card_error_is_a_decline_with_the_banks_message() {
        stripe.stubFor(post(urlPathEqualTo("/v1/payment_intents")).willReturn(json(402, """
                {"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds",
                 "message":"Your card has insufficient funds."}}""")));

        ChargeOutcome outcome = gateway.chargeOffSession(
                new OffSessionCharge(new Money(7500, "CAD"), "cus_1", "pm_1", "user-1", UUID.randomUUID()), "fee:x");

        assertThat(outcome).isEqualTo(new ChargeOutcome.Declined("Your card has insufficient funds.", "insufficient_funds"));
    }

    @Test
    void a_server_error_is_retried_by_the_sdk_with_the_same_idempotency_key() {
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}"))
                .willSetStateTo("recovered"));
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(200, """
                        {"id":"re_2","object":"refund","amount":15000,"currency":"usd","status":"succeeded","payment_intent":"pi_1"}""")));

        GatewayRefund refund = gateway.refund("pi_1", null, "refund:retried");

        assertThat(refund.id()).isEqualTo("re_2");
        stripe.verify(2, postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund:retried")));
    }

    @Test
    void no_answer_within_the_read_timeout_is_transient() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_slow")).willReturn(json(200, INTENT_JSON).withFixedDelay(2000)));

        assertThatThrownBy(() -> gateway.retrieveIntent("pi_slow"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void a_server_error_that_persists_is_transient() {
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds"))
                .willReturn(json(503, "{\"error\":{\"type\":\"api_error\",\"message\":\"unavailable\"}}")));

        assertThatThrownBy(() -> gateway.refund("pi_1", null, "refund:down"))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void the_fee_is_read_from_the_charges_balance_transaction() {
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_intents/pi_3")).willReturn(json(200, """
                {"id":"pi_3","object":"payment_intent","amount":15000,"currency":"cad","status":"succeeded",
                 "latest_charge":{"id":"ch_3","object":"charge","amount":15000,"currency":"cad",
                   "balance_transaction":{"id":"txn_3","object":"balance_transaction","amount":15000,"fee":465,
                     "net":14535,"currency":"cad"}}}""")));

        assertThat(gateway.feeOf("pi_3")).contains(new Money(465, "CAD"));
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/payment_intents/pi_3"))
                .withQueryParam("expand[0]", equalTo("latest_charge.balance_transaction")));
    }
}
