package com.wimd.payment.intents.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.wimd.events.Money;

/**
 * What the browser needs to collect the card: Stripe.js confirms {@code client_secret} with {@code publishable_key}.
 * In sandbox mode there is no Stripe.js: the client posts a test card to {@code confirm_url}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntentCreated(String paymentIntentId, String clientSecret, String publishableKey, Money amount, String mode,
                            String confirmUrl) {
}
