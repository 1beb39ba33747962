package com.wimd.events;

import java.util.UUID;

/**
 * A client paid (they say) for a package; booking-service holds it until payment-service verifies the payment.
 * <p>Version 2 names the currency only: booking-service does not know prices (payment-service does), so version
 * 1's {@code price} was always zero. A version-1 event is read as version 2 ({@link #fromVersion1}).
 */
public record PackagePurchaseRequested(
        UUID packageId,
        Client client,
        int sessions,
        String currency,
        String paymentIntentId) implements PackageEvent {

    /** Version 1 carried {@code price: {amount_minor: 0, currency}}: its currency is version 2's. */
    static com.fasterxml.jackson.databind.node.ObjectNode fromVersion1(com.fasterxml.jackson.databind.node.ObjectNode v1) {
        com.fasterxml.jackson.databind.JsonNode price = v1.remove("price");
        if (price != null && price.hasNonNull("currency")) {
            v1.put("currency", price.get("currency").asText());
        }
        return v1;
    }
}
