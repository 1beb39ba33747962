package com.wimd.payment.gateway;

import com.wimd.events.Money;

/** A refund the gateway accepted. */
public record GatewayRefund(String id, String paymentIntentId, Money amount, String status) {
}
