package com.wimd.payment.gateway;

import java.util.UUID;

/**
 * Idempotency keys derived from what a call is for, so a retry (after a timeout, a crash, a redelivered event)
 * sends the same key and the gateway answers with the first result instead of moving money again.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String customer(String userId) {
        return "customer:" + userId;
    }

    /** One intent per user and client request id (the client's Idempotency-Key header, or a fresh id). */
    public static String intent(String userId, String clientRequestId) {
        return "intent:" + userId + ":" + clientRequestId;
    }

    /** At most one refund per booking (or package). */
    public static String refund(UUID correlationId) {
        return "refund:" + correlationId;
    }

    /** At most one late-change fee per booking and step ({@code cancel}, {@code reschedule-<n>}). */
    public static String fee(UUID bookingId, String step) {
        return "fee:" + bookingId + ":" + step;
    }
}
