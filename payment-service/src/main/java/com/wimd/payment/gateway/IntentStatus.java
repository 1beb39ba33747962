package com.wimd.payment.gateway;

/** What a PaymentIntent's status means for whoever waits on it. */
public enum IntentStatus {
    /** The client has not paid yet (requires_payment_method, requires_confirmation, requires_action, requires_capture). */
    AWAITING_PAYMENT,
    /** The bank is working on it. */
    PROCESSING,
    SUCCEEDED,
    CANCELED;

    public static IntentStatus of(String stripeStatus) {
        if (stripeStatus == null) {
            return AWAITING_PAYMENT;
        }
        return switch (stripeStatus) {
            case "succeeded" -> SUCCEEDED;
            case "processing" -> PROCESSING;
            case "canceled" -> CANCELED;
            default -> AWAITING_PAYMENT;
        };
    }
}
