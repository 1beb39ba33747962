package com.wimd.payment;

import com.stripe.Stripe;
import com.wimd.payment.webhook.domain.StripeSignature;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Stripe's side of the webhook, for tests: events in the SDK's API version, signed like Stripe signs them. */
public final class StripeWebhooks {

    public static final String SECRET = "whsec_tests_only";

    private StripeWebhooks() {
    }

    public static String newEventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String intentEvent(String eventId, String type, String intentId, String user, String product,
                                     long amount, String currency, String status, String error) {
        return """
                {"id":"%s","object":"event","api_version":"%s","created":%d,"livemode":false,"pending_webhooks":1,
                 "type":"%s","data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"currency":"%s",
                 "status":"%s","customer":"cus_test","payment_method":"pm_test","latest_charge":"ch_test",
                 "metadata":{"user_id":"%s","product":"%s"},"last_payment_error":%s}}}"""
                .formatted(eventId, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, intentId, amount,
                        currency.toLowerCase(), status, user, product,
                        error == null ? "null" : "{\"type\":\"card_error\",\"message\":\"" + error + "\"}");
    }

    public static String succeeded(String eventId, String intentId, String user) {
        return intentEvent(eventId, "payment_intent.succeeded", intentId, user, "single", 15000, "USD", "succeeded", null);
    }

    public static String failed(String eventId, String intentId, String user) {
        return intentEvent(eventId, "payment_intent.payment_failed", intentId, user, "single", 15000, "USD",
                "requires_payment_method", "Your card was declined.");
    }

    public static ValidatableResponse deliver(String payload) {
        return deliver(payload, StripeSignature.header(payload, SECRET, Instant.now().getEpochSecond()));
    }

    public static ValidatableResponse deliver(String payload, String signature) {
        return given().header("Stripe-Signature", signature).contentType("application/json; charset=utf-8")
                .body(payload).post("/booking/stripe-webhook").then();
    }
}
