package com.wimd.payment.gateway.sandbox;

import java.util.Optional;

/** Stripe's test card numbers that the sandbox knows, and what each does. */
public final class SandboxCards {

    public sealed interface Outcome {
    }

    public record Approved(String last4) implements Outcome {
    }

    public record Declined(String message, String declineCode) implements Outcome {
    }

    /** Approved when the client pays; declined when charged later without them (a late fee). */
    public static final String DECLINES_OFF_SESSION = "4000000000000341";

    private SandboxCards() {
    }

    /** Whether an off-session charge on this saved card is declined (it was saved from {@link #DECLINES_OFF_SESSION}). */
    public static boolean declinesOffSession(String paymentMethodId) {
        return paymentMethodId != null && paymentMethodId.startsWith("pm_sandbox_0341_");
    }

    /** Empty for a number the sandbox does not know. Spaces and dashes are ignored, as on a card form. */
    public static Optional<Outcome> outcome(String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        return Optional.ofNullable(switch (digits) {
            case "4242424242424242" -> new Approved("4242");
            case "5555555555554444" -> new Approved("4444");
            // Stripe's "attaches, but later charges fail": the purchase goes through, an off-session fee is declined
            case DECLINES_OFF_SESSION -> new Approved("0341");
            case "4000000000000002" -> new Declined("Your card was declined.", "generic_decline");
            case "4000000000009995" -> new Declined("Your card has insufficient funds.", "insufficient_funds");
            default -> null;
        });
    }
}
