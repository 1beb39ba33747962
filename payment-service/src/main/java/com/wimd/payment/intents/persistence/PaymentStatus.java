package com.wimd.payment.intents.persistence;

import com.wimd.payment.gateway.IntentStatus;

/** Where a payment stands on our side. SUCCEEDED and CANCELED are final: a late, older event cannot undo them. */
public enum PaymentStatus {
    /** Created; the client has not paid (or a declined attempt may be retried: see FAILED). */
    PENDING,
    PROCESSING,
    SUCCEEDED,
    /** The last attempt was declined. The client may still pay this intent with another card. */
    FAILED,
    CANCELED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == CANCELED;
    }

    public static PaymentStatus of(IntentStatus status) {
        return switch (status) {
            case AWAITING_PAYMENT -> PENDING;
            case PROCESSING -> PROCESSING;
            case SUCCEEDED -> SUCCEEDED;
            case CANCELED -> CANCELED;
        };
    }
}
