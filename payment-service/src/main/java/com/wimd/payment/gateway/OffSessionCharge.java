package com.wimd.payment.gateway;

import com.wimd.events.Money;

import java.util.UUID;

/** A charge on a card saved at an earlier purchase, with the client absent (a late-cancellation fee). */
public record OffSessionCharge(Money amount, String customerId, String paymentMethodId, String userId, UUID bookingId) {
}
