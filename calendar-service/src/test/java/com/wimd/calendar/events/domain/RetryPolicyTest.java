package com.wimd.calendar.events.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(500));

    @Test
    void the_first_try_is_immediate_then_the_wait_doubles() {
        assertThat(policy.backoffBefore(1)).isZero();
        assertThat(policy.backoffBefore(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoffBefore(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffBefore(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffBefore(30)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a_refusal_is_not_retried_and_transient_failures_stop_at_the_limit() {
        assertThat(policy.shouldTry(1, false)).isTrue();
        assertThat(policy.shouldTry(2, false)).isFalse();
        assertThat(policy.shouldTry(4, true)).isTrue();
        assertThat(policy.shouldTry(5, true)).isFalse();
    }
}
