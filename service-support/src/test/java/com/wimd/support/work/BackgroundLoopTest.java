package com.wimd.support.work;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundLoopTest {

    @Test
    void a_failed_round_is_tried_again_soon_however_long_the_rest() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        BackgroundLoop loop = BackgroundLoop.start("flaky", Duration.ofMinutes(10), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away for a moment");
            }
            second.countDown();
            return false;
        }, Logger.getLogger(BackgroundLoopTest.class));
        try {
            assertThat(second.await(30, TimeUnit.SECONDS)).as("the round after the failure came before the ten-minute rest ended").isTrue();
        } finally {
            loop.stop();
        }
    }

    @Test
    void failures_in_a_row_wait_longer_each_time_up_to_the_rest() {
        Duration rest = Duration.ofSeconds(5);
        assertThat(BackgroundLoop.retryAfterFailure(1, rest)).isEqualTo(Duration.ofMillis(500));
        assertThat(BackgroundLoop.retryAfterFailure(2, rest)).isEqualTo(Duration.ofSeconds(1));
        assertThat(BackgroundLoop.retryAfterFailure(4, rest)).isEqualTo(Duration.ofSeconds(4));
        assertThat(BackgroundLoop.retryAfterFailure(5, rest)).isEqualTo(rest);
        assertThat(BackgroundLoop.retryAfterFailure(1, Duration.ofMillis(100))).as("never later than the rest").isEqualTo(Duration.ofMillis(100));
    }
}
