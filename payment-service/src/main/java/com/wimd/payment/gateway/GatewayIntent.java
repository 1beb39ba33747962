package com.wimd.payment.gateway;

import com.wimd.events.Money;

import java.util.Map;

/**
 * A PaymentIntent as the gateway reports it.
 *
 * @param status         Stripe's status string (requires_payment_method, processing, succeeded, canceled, ...)
 * @param metadata       what we put there at creation: {@code user_id}, {@code product}
 * @param lastError      the last payment attempt's error message (a decline), or null
 */
public record GatewayIntent(
        String id,
        String status,
        Money amount,
        Map<String, String> metadata,
        String customerId,
        String paymentMethodId,
        String latestChargeId,
        String clientSecret,
        String lastError) {

    public GatewayIntent {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public IntentStatus intentStatus() {
        return IntentStatus.of(status);
    }

    public String userId() {
        return metadata.get(NewIntent.USER_ID);
    }

    public String product() {
        return metadata.get(NewIntent.PRODUCT);
    }
}
