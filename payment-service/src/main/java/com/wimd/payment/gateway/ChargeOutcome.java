package com.wimd.payment.gateway;

/** What an off-session charge came to: charged, or declined by the card's bank. */
public sealed interface ChargeOutcome {

    record Charged(String paymentIntentId, String status) implements ChargeOutcome {
    }

    record Declined(String message, String declineCode) implements ChargeOutcome {
    }
}
