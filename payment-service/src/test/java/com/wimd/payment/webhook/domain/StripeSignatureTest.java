package com.wimd.payment.webhook.domain;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class StripeSignatureTest {

    static final Instant NOW = Instant.parse("2026-12-01T14:05:00Z");

    @Test
    void our_signature_is_the_one_the_stripe_sdk_verifies() {
        String payload = "{\"id\":\"evt_1\"}";
        String header = StripeSignature.header(payload, "whsec_test", NOW.getEpochSecond());
        assertThatCode(() -> Webhook.Signature.verifyHeader(payload, header, "whsec_test", 300,
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))).doesNotThrowAnyException();
    }

    @Test
    void a_signature_dated_beyond_the_tolerance_ahead_of_our_clock_is_from_the_future() {
        Duration tolerance = Duration.ofMinutes(5);
        assertThat(StripeSignature.fromTheFuture("t=" + (NOW.getEpochSecond() + 301) + ",v1=ab", NOW, tolerance)).isTrue();
        assertThat(StripeSignature.fromTheFuture("t=" + (NOW.getEpochSecond() + 300) + ",v1=ab", NOW, tolerance)).isFalse();
        assertThat(StripeSignature.fromTheFuture("t=" + (NOW.getEpochSecond() - 9999) + ",v1=ab", NOW, tolerance)).isFalse();
    }

    @Test
    void a_header_without_a_readable_timestamp_has_none() {
        assertThat(StripeSignature.timestamp("garbage")).isEmpty();
        assertThat(StripeSignature.timestamp("t=soon,v1=ab")).isEmpty();
        assertThat(StripeSignature.timestamp(" v1=ab, t=42")).contains(42L);
    }
}
