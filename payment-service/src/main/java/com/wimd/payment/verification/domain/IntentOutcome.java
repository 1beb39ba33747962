package com.wimd.payment.verification.domain;

import com.wimd.payment.gateway.GatewayIntent;
import com.wimd.payment.gateway.IntentStatus;

/**
 * What an intent's state, as the gateway reports it, means for whatever it pays: paid, still open (the client may
 * yet pay, or the bank has not answered), or failed, with the reason the booking and the client are given. One
 * reading for every path that learns of an intent: verifying a request, a webhook, asking again for a lost one.
 */
public sealed interface IntentOutcome {

    record Paid() implements IntentOutcome {
    }

    record Open() implements IntentOutcome {
    }

    /** @param canceled the intent can no longer be paid at all (otherwise: a declined attempt) */
    record Failed(String reason, boolean canceled) implements IntentOutcome {
    }

    static IntentOutcome of(GatewayIntent intent) {
        return of(intent.intentStatus(), intent.lastError());
    }

    static IntentOutcome of(IntentStatus status, String lastError) {
        return switch (status) {
            case SUCCEEDED -> new Paid();
            case CANCELED -> canceled();
            case PROCESSING -> new Open();
            case AWAITING_PAYMENT -> lastError != null ? declined(lastError) : new Open();
        };
    }

    static Failed canceled() {
        return new Failed("the payment was canceled", true);
    }

    /** A declined attempt; {@code lastError} is the bank's message, if the gateway gave one. */
    static Failed declined(String lastError) {
        return new Failed("the payment failed: " + (lastError == null ? "declined" : lastError), false);
    }
}
