package com.wimd.payment.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Idempotency keys derived from what a call is for, so a retry (after a timeout, a crash, a redelivered event)
 * sends the same key and the gateway answers with the first result instead of moving money again. Stripe keeps a key
 * for 24 hours only: a refund or a fee still not done after that is first looked for by its key, which is also written
 * in the metadata of what it made ({@link #METADATA}), and only made if it is not there.
 */
public final class IdempotencyKeys {

    /** The metadata entry of a refund or an off-session charge that holds the key it was made with. */
    public static final String METADATA = "idempotency_key";

    /** How long the gateway is trusted to remember a key: Stripe keeps one 24 hours; an hour less, for clocks and slow calls. */
    public static final Duration REMEMBERED = Duration.ofHours(23);

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

    /**
     * Whether a call decided at {@code decidedAt} (before its first try) may find its key forgotten at {@code now}: then
     * what it made, if anything, is looked for by the key in its metadata before the call is made again.
     */
    public static boolean mayBeForgotten(Instant decidedAt, Instant now) {
        return !now.isBefore(decidedAt.plus(REMEMBERED));
    }
}
