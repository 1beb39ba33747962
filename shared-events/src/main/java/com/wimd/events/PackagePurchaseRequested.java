package com.wimd.events;

import java.util.UUID;

/** A client paid (they say) for a package; booking-service holds it until payment-service verifies the payment. */
public record PackagePurchaseRequested(
        UUID packageId,
        Client client,
        int sessions,
        Money price,
        String paymentIntentId) implements PackageEvent {
}
