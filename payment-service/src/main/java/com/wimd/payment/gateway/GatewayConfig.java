package com.wimd.payment.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which gateway, Stripe's keys and connection settings. The sandbox runs only when {@code PAYMENT_MODE=sandbox}
 * says so (the local run and the tests); a missing key never chooses it.
 */
@ConfigMapping(prefix = "payment")
public interface GatewayConfig {

    enum Mode {
        /** Stripe, with real money: needs the three keys. */
        LIVE,
        /** The sandbox in this service's own database: test cards, no money moves. */
        SANDBOX
    }

    /** PAYMENT_MODE: live (the default) or sandbox. */
    @WithDefault("live")
    Mode mode();

    Stripe stripe();

    default boolean live() {
        return mode() == Mode.LIVE;
    }

    /** The settings live mode needs and lacks, by their environment variables; empty when it can start. */
    default List<String> missingForLive() {
        List<String> missing = new ArrayList<>();
        if (stripe().secretKey().filter(key -> !key.isBlank()).isEmpty()) {
            missing.add("STRIPE_SECRET_KEY");
        }
        if (stripe().publishableKey().filter(key -> !key.isBlank()).isEmpty()) {
            missing.add("STRIPE_PUBLISHABLE_KEY");
        }
        if (stripe().webhookSecret().filter(key -> !key.isBlank()).isEmpty()) {
            missing.add("STRIPE_WEBHOOK_SECRET");
        }
        return missing;
    }

    interface Stripe {
        /** STRIPE_SECRET_KEY. */
        Optional<String> secretKey();

        /** STRIPE_PUBLISHABLE_KEY, handed to the browser for Stripe.js. */
        Optional<String> publishableKey();

        /**
         * STRIPE_WEBHOOK_SECRET: Stripe signs its webhook events with it. In sandbox mode the sandbox signs its own
         * with it, or with a secret made up at start when it is not set.
         */
        Optional<String> webhookSecret();

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
    }
}
