package com.wimd.payment.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyKeysTest {

    static final Instant DECIDED = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void a_key_is_trusted_for_twenty_three_hours_after_its_call_was_decided() {
        assertThat(IdempotencyKeys.mayBeForgotten(DECIDED, DECIDED)).isFalse();
        assertThat(IdempotencyKeys.mayBeForgotten(DECIDED, DECIDED.plus(Duration.ofHours(23)).minusMillis(1))).isFalse();
    }

    @Test
    void from_twenty_three_hours_on_what_a_key_made_is_looked_for_before_calling_again() {
        assertThat(IdempotencyKeys.mayBeForgotten(DECIDED, DECIDED.plus(Duration.ofHours(23)))).isTrue();
        assertThat(IdempotencyKeys.mayBeForgotten(DECIDED, DECIDED.plus(Duration.ofDays(3)))).isTrue();
    }

    @Test
    void each_refund_and_each_fee_step_has_its_own_key() {
        java.util.UUID booking = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertThat(IdempotencyKeys.refund(booking)).isEqualTo("refund:" + booking);
        assertThat(IdempotencyKeys.fee(booking, "reschedule-1-2")).isEqualTo("fee:" + booking + ":reschedule-1-2")
                .isNotEqualTo(IdempotencyKeys.fee(booking, "reschedule-1-1"));
    }
}
