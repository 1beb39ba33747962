package com.wimd.notification.delivery;

import com.wimd.notification.config.NotificationConfig;
import com.wimd.notification.log.Channel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When a channel's dispatcher looks again for messages to send, between the wake-ups on commit; and what it does while
 * its provider is down (here a queue that records what it is told, in place of the database, and a sender that fails
 * while the test says the provider is down: SmtpOutageTest does it with the real SMTP server).
 */
class ChannelDispatchTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration PROBE = Duration.ofMillis(250);
    static final Duration RETRY = Duration.ofSeconds(30);

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

    /** What the dispatcher told the queue; every failed attempt is given a retry {@link #RETRY} from now. */
    static final class RecordingQueue extends DeliveryQueue {
        final Map<UUID, Instant> retries = new HashMap<>();
        final List<UUID> sent = new ArrayList<>();
        final List<UUID> failedAttempts = new ArrayList<>();
        final List<UUID> putBack = new ArrayList<>();
        final List<Map<UUID, Instant>> broughtForward = new ArrayList<>();

        RecordingQueue() {
            super(null);
        }

        @Override
        public Instant recordFailure(UUID id, com.wimd.notification.log.RetryPolicy policy, String error, Instant now) {
            failedAttempts.add(id);
            retries.put(id, now.plus(RETRY));
            return now.plus(RETRY);
        }

        @Override
        public void recordSent(UUID id, Instant now, String providerId) {
            sent.add(id);
            retries.remove(id);
        }

        @Override
        public PendingDelivery claimWaiting(UUID id, Instant retryAt, Instant now, Duration lease) {
            return retryAt.equals(retries.get(id)) ? message(id) : null;
        }

        @Override
        public void putBack(UUID id, Instant retryAt, String error) {
            putBack.add(id);
        }

        @Override
        public int bringForward(Map<UUID, Instant> waiting, Instant now) {
            broughtForward.add(Map.copyOf(waiting));
            return waiting.size();
        }
    }

    static PendingDelivery message(UUID id) {
        return new PendingDelivery(id, Channel.EMAIL, "erin@example.com", "booking-confirmed", "{}", 0, NOW.plusSeconds(120));
    }

    final RecordingQueue queue = new RecordingQueue();
    final AtomicBoolean providerDown = new AtomicBoolean(true);
    final ChannelDispatch outage = new ChannelDispatch(Channel.EMAIL, queue, Clock.fixed(NOW, ZoneOffset.UTC), settings(),
            message -> {
                if (providerDown.get()) {
                    throw new IllegalStateException("Connection refused");
                }
                return null;
            });

    @Test
    void after_a_failed_send_it_probes_the_provider_within_its_probe_interval_not_only_at_the_retry() {
        outage.send(message(UUID.randomUUID()));

        assertThat(outage.failing()).isTrue();
        assertThat(outage.rest()).isEqualTo(PROBE);
    }

    @Test
    void a_probe_that_fails_counts_no_attempt_and_leaves_the_message_waiting_for_its_retry() {
        UUID first = UUID.randomUUID();
        outage.send(message(first));

        assertThat(outage.probe()).isFalse();

        assertThat(queue.failedAttempts).containsExactly(first);
        assertThat(queue.putBack).containsExactly(first);
        assertThat(queue.sent).isEmpty();
        assertThat(outage.failing()).isTrue();
    }

    @Test
    void probes_are_a_probe_interval_apart() {
        outage.send(message(UUID.randomUUID()));
        outage.probe();

        assertThat(outage.probe()).as("the clock has not moved").isFalse();
        assertThat(queue.putBack).hasSize(1);
    }

    @Test
    void once_a_probe_goes_through_every_other_message_waiting_for_a_retry_goes_out_now() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        outage.send(message(first));
        outage.send(message(second));

        providerDown.set(false);
        assertThat(outage.probe()).isTrue();

        assertThat(queue.sent).hasSize(1).first().isIn(first, second);
        UUID other = queue.sent.get(0).equals(first) ? second : first;
        assertThat(queue.broughtForward).singleElement().satisfies(released -> assertThat(released).containsOnlyKeys(other));
        assertThat(outage.failing()).isFalse();
        assertThat(outage.rest()).as("no more probes").isEqualTo(INTERVAL);
    }

    @Test
    void any_send_that_goes_through_after_failures_releases_the_messages_waiting_for_a_retry() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        outage.send(message(first));
        outage.send(message(second));

        providerDown.set(false);
        outage.send(message(UUID.randomUUID()));

        assertThat(queue.broughtForward).singleElement().satisfies(released -> assertThat(released).containsOnlyKeys(first, second));
        outage.send(message(UUID.randomUUID()));
        assertThat(queue.broughtForward).as("released once, not at every send").hasSize(1);
    }

    @Test
    void a_provider_that_never_failed_is_not_probed() {
        assertThat(outage.probe()).isFalse();
        assertThat(queue.putBack).isEmpty();
    }

    @Test
    void a_longest_wait_between_tries_over_a_minute_is_refused() {
        NotificationConfig.Dispatch slow = new DelegatingSettings(settings()) {
            @Override
            public Duration maxRetryDelay() {
                return Duration.ofMinutes(10);
            }
        };
        assertThatThrownBy(() -> new ChannelDispatch(Channel.EMAIL, queue, Clock.systemUTC(), slow, message -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("max-retry-delay");
    }

    static class DelegatingSettings implements NotificationConfig.Dispatch {
        final NotificationConfig.Dispatch d;
        DelegatingSettings(NotificationConfig.Dispatch d) { this.d = d; }
        public Duration interval() { return d.interval(); }
        public int batchSize() { return d.batchSize(); }
        public int concurrency() { return d.concurrency(); }
        public int maxAttempts() { return d.maxAttempts(); }
        public Duration firstRetryDelay() { return d.firstRetryDelay(); }
        public Duration maxRetryDelay() { return d.maxRetryDelay(); }
        public Duration probeInterval() { return d.probeInterval(); }
        public Duration lease() { return d.lease(); }
        public Duration sendTimeout() { return d.sendTimeout(); }
    }

    static NotificationConfig.Dispatch settings() {
        return new NotificationConfig.Dispatch() {
            public Duration interval() { return INTERVAL; }
            public int batchSize() { return 20; }
            public int concurrency() { return 4; }
            public int maxAttempts() { return 8; }
            public Duration firstRetryDelay() { return Duration.ofSeconds(5); }
            public Duration maxRetryDelay() { return Duration.ofMinutes(1); }
            public Duration probeInterval() { return PROBE; }
            public Duration lease() { return Duration.ofMinutes(2); }
            public Duration sendTimeout() { return Duration.ofSeconds(60); }
        };
    }
}
