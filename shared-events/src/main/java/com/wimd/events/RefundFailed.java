package com.wimd.events;

import java.util.UUID;

/**
 * A refund the payment provider refused, or that failed after it was accepted: the money has not gone back, and
 * the coach must act (notification-service tells them; the client is not told "refunded").
 *
 * @param correlationId the booking, package or (orphan) payment that was being refunded; for a late fee, its booking
 * @param kind          BOOKING, PACKAGE, PAYMENT or FEE (a late fee given back)
 * @param error         what the provider said
 */
public record RefundFailed(
        UUID correlationId,
        String kind,
        String paymentIntentId,
        String refundId,
        Money amount,
        String reason,
        String error,
        Client client) implements PaymentEvent {
}
