package com.wimd.events;

import java.util.UUID;

/**
 * The package's payment did not succeed or could not be verified.
 *
 * @param client who tried to buy it (as the purchase request said), to be told; null in events sent before it was added
 */
public record PackagePaymentFailed(UUID packageId, String paymentIntentId, String reason, Client client)
        implements PackageEvent {

    /** As sent before the client was added. */
    public PackagePaymentFailed(UUID packageId, String paymentIntentId, String reason) {
        this(packageId, paymentIntentId, reason, null);
    }
}
