package com.wimd.events;

import java.util.UUID;

/**
 * The package's payment is verified: its sessions can be booked.
 *
 * @param client   who bought it (as the purchase request said), to be told; null in events sent before it was added
 * @param sessions how many sessions it holds; null in events sent before it was added
 */
public record PackagePaymentSucceeded(UUID packageId, String paymentIntentId, Money amount, Client client,
                                      Integer sessions) implements PackageEvent {

    /** As sent before the client and the sessions were added. */
    public PackagePaymentSucceeded(UUID packageId, String paymentIntentId, Money amount) {
        this(packageId, paymentIntentId, amount, null, null);
    }
}
