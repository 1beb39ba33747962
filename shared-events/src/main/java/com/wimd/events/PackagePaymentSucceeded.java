package com.wimd.events;

import java.util.UUID;

/** The package's payment is verified: its sessions can be booked. */
public record PackagePaymentSucceeded(UUID packageId, String paymentIntentId, Money amount) implements PackageEvent {
}
