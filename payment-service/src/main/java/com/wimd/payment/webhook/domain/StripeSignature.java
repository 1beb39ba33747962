package com.wimd.payment.webhook.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Stripe's webhook signature header, {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 * Verification itself is the SDK's ({@code Webhook.constructEvent}); this adds what the SDK leaves out
 * (refusing a timestamp from the future) and signs events for the sandbox and the tests.
 */
public final class StripeSignature {

    private StripeSignature() {
    }

    public static String header(String payload, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header's {@code t=}, or empty if there is none or it is not a number. */
    public static Optional<Long> timestamp(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(",")) {
            String item = part.trim();
            if (item.startsWith("t=")) {
                try {
                    return Optional.of(Long.parseLong(item.substring(2)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** A signature dated more than the tolerance ahead of our clock: the SDK would accept it, we do not. */
    public static boolean fromTheFuture(String header, Instant now, Duration tolerance) {
        return timestamp(header).map(t -> t > now.getEpochSecond() + tolerance.toSeconds()).orElse(false);
    }
}
