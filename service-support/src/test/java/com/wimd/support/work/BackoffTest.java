package com.wimd.support.work;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void the_wait_doubles_with_each_retry_and_stops_at_the_cap() {
        Duration first = Duration.ofMillis(200);
        Duration cap = Duration.ofSeconds(1);
        assertThat(Backoff.exponential(first, 1, cap)).isEqualTo(Duration.ofMillis(200));
        assertThat(Backoff.exponential(first, 2, cap)).isEqualTo(Duration.ofMillis(400));
        assertThat(Backoff.exponential(first, 3, cap)).isEqualTo(Duration.ofMillis(800));
        assertThat(Backoff.exponential(first, 4, cap)).isEqualTo(cap);
        assertThat(Backoff.exponential(first, 1_000, cap)).isEqualTo(cap);
    }
}
