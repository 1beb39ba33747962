package com.wimd.events;

import java.util.UUID;

/** The package's payment did not succeed or could not be verified. */
public record PackagePaymentFailed(UUID packageId, String paymentIntentId, String reason) implements PackageEvent {
}
