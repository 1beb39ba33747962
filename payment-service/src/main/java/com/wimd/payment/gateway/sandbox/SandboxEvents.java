package com.wimd.payment.gateway.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;

import java.time.Instant;
import java.util.Map;

/** Stripe's JSON for the objects and events the sandbox emits, in the API version of the SDK we read them with. */
final class SandboxEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    private SandboxEvents() {
    }

    static String event(String id, String type, ObjectNode object, Instant created) {
        ObjectNode event = JSON.createObjectNode()
                .put("id", id)
                .put("object", "event")
                .put("api_version", Stripe.API_VERSION)
                .put("created", created.getEpochSecond())
                .put("livemode", false)
                .put("pending_webhooks", 1)
                .put("type", type);
        event.putObject("data").set("object", object);
        return write(event);
    }

    static ObjectNode paymentIntent(SandboxIntent intent) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", intent.id)
                .put("object", "payment_intent")
                .put("amount", intent.amountMinor)
                .put("amount_received", "succeeded".equals(intent.status) ? intent.amountMinor : 0)
                .put("currency", intent.currency.toLowerCase())
                .put("status", intent.status)
                .put("customer", intent.customerId)
                .put("payment_method", intent.paymentMethodId)
                .put("latest_charge", intent.latestChargeId)
                .put("client_secret", intent.clientSecret)
                .put("setup_future_usage", intent.setupFutureUsage)
                .put("created", intent.createdAt.getEpochSecond())
                .put("livemode", false);
        ObjectNode metadata = node.putObject("metadata");
        metadata(intent).forEach(metadata::put);
        if (intent.lastError != null) {
            node.putObject("last_payment_error")
                    .put("type", "card_error")
                    .put("code", "card_declined")
                    .put("message", intent.lastError);
        } else {
            node.putNull("last_payment_error");
        }
        return node;
    }

    static ObjectNode charge(SandboxIntent intent, long amountRefunded) {
        return JSON.createObjectNode()
                .put("id", intent.latestChargeId)
                .put("object", "charge")
                .put("amount", intent.amountMinor)
                .put("amount_refunded", amountRefunded)
                .put("currency", intent.currency.toLowerCase())
                .put("customer", intent.customerId)
                .put("payment_intent", intent.id)
                .put("payment_method", intent.paymentMethodId)
                .put("paid", true)
                .put("refunded", amountRefunded >= intent.amountMinor)
                .put("status", "succeeded")
                .put("livemode", false);
    }

    static Map<String, String> metadata(SandboxIntent intent) {
        try {
            return JSON.readValue(intent.metadata, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sandbox metadata of " + intent.id, e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
