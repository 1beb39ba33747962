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

    private SandboxCards() {
    }

    /** Empty for a number the sandbox does not know. Spaces and dashes are ignored, as on a card form. */
    public static Optional<Outcome> outcome(String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        return Optional.ofNullable(switch (digits) {
            case "4242424242424242" -> new Approved("4242");
            case "5555555555554444" -> new Approved("4444");
            case "4000000000000002" -> new Declined("Your card was declined.", "generic_decline");
            case "4000000000009995" -> new Declined("Your card has insufficient funds.", "insufficient_funds");
            default -> null;
        });
    }
}
