package com.wimd.notification.delivery;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.Channel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** When a channel's dispatcher looks again for messages to send, between the wake-ups on commit. */
class ChannelDispatchTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(1);

    final ChannelDispatch dispatch = new ChannelDispatch(Channel.EMAIL, null, Clock.fixed(NOW, ZoneOffset.UTC),
            settings(), message -> null);

    @Test
    void with_no_retry_scheduled_it_looks_again_after_its_interval() {
        assertThat(dispatch.rest()).isEqualTo(INTERVAL);
    }

    @Test
    void it_wakes_just_after_the_retry_it_scheduled_when_that_comes_before_its_interval() {
        dispatch.retryAt(NOW.plusMillis(400));
        dispatch.retryAt(NOW.plusMillis(300));

        assertThat(dispatch.rest()).isEqualTo(Duration.ofMillis(301));
    }

    @Test
    void a_retry_later_than_its_interval_does_not_delay_its_next_look() {
        dispatch.retryAt(NOW.plusSeconds(600));

        assertThat(dispatch.rest()).isEqualTo(INTERVAL);
    }

    @Test
    void a_retry_that_fell_due_during_a_round_is_looked_for_at_once_and_only_once() {
        dispatch.retryAt(NOW.minusMillis(5));
        dispatch.retryAt(NOW);

        assertThat(dispatch.rest()).isZero();
        assertThat(dispatch.rest()).as("the next look takes them: no further wake for them").isEqualTo(INTERVAL);
    }

    @Test
    void a_given_up_message_schedules_no_wake() {
        dispatch.retryAt(null);

        assertThat(dispatch.rest()).isEqualTo(INTERVAL);
    }

    static NotificationConfig.Dispatch settings() {
        return new NotificationConfig.Dispatch() {
            public Duration interval() { return INTERVAL; }
            public int batchSize() { return 20; }
            public int concurrency() { return 4; }
            public int maxAttempts() { return 8; }
            public Duration firstRetryDelay() { return Duration.ofSeconds(5); }
            public Duration maxRetryDelay() { return Duration.ofMinutes(10); }
            public Duration lease() { return Duration.ofMinutes(2); }
            public Duration sendTimeout() { return Duration.ofSeconds(60); }
        };
    }
}
