package com.wimd.payment.gateway;

import com.wimd.events.Money;

/**
 * A refund as the gateway sees it.
 *
 * @param status        Stripe's: succeeded, pending, requires_action, failed or canceled
 * @param failureReason why it failed (Stripe's {@code failure_reason}), or null
 */
public record GatewayRefund(String id, String paymentIntentId, Money amount, String status, String failureReason) {

    public GatewayRefund(String id, String paymentIntentId, Money amount, String status) {
        this(id, paymentIntentId, amount, status, null);
    }
}
