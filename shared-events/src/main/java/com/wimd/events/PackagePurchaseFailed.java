package com.wimd.events;

import java.util.UUID;

/**
 * booking-service gave up on a package purchase (its payment was not verified in time): whatever was paid for it
 * goes back, now or whenever the payment succeeds.
 */
public record PackagePurchaseFailed(UUID packageId, String paymentIntentId, String reason) implements PackageEvent {
}
