package com.wimd.events;

import java.util.UUID;

/**
 * A payment that succeeded but that no live booking or package took within the grace period (the slot was taken
 * meanwhile, the verification was refused, the booking had ended) went back to the client in full.
 *
 * @param correlationId the payment's own id (payment-service's)
 * @param client        who paid, as far as payment-service knows them (name and phone may be null)
 */
public record OrphanPaymentRefunded(
        UUID correlationId,
        String paymentIntentId,
        String refundId,
        Money amount,
        String reason,
        Client client) implements PaymentEvent {
}
