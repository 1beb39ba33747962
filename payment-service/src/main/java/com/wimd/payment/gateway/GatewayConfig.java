package com.wimd.payment.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Stripe's keys and connection settings; without a secret key the sandbox gateway is used. */
@ConfigMapping(prefix = "payment.stripe")
public interface GatewayConfig {

    /** STRIPE_SECRET_KEY; empty means the sandbox. */
    Optional<String> secretKey();

    /** STRIPE_PUBLISHABLE_KEY, handed to the browser for Stripe.js. */
    Optional<String> publishableKey();

    /** STRIPE_WEBHOOK_SECRET: signs the webhook events (the sandbox signs its own with it too). */
    String webhookSecret();

    /** Stripe's API base, without /v1; tests point it at an HTTP fake. */
    @WithDefault("https://api.stripe.com")
    String apiBase();

    @WithDefault("PT10S")
    Duration connectTimeout();

    @WithDefault("PT30S")
    Duration readTimeout();

    /** The SDK's own retries of network errors and 5xx, with the same idempotency key. */
    @WithDefault("2")
    int maxNetworkRetries();

    default boolean live() {
        return secretKey().filter(key -> !key.isBlank()).isPresent();
    }
}
