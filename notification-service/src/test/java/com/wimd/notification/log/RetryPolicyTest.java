package com.wimd.notification.log;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(1));

    @Test
    void a_failed_send_stays_pending_with_its_error_and_is_retried_later() {
        RetryPolicy.Verdict verdict = policy.afterFailure(0, "connection refused", NOW);

        assertThat(verdict.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(verdict.attempts()).isEqualTo(1);
        assertThat(verdict.error()).isEqualTo("connection refused");
        assertThat(verdict.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void the_wait_doubles_after_each_failure_up_to_the_cap() {
        assertThat(policy.afterFailure(1, "x", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(policy.afterFailure(2, "x", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
        assertThat(policy.afterFailure(3, "x", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(40));
        assertThat(policy.afterFailure(4, "x", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(policy.afterFailure(6, "x", NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void the_last_allowed_attempt_failing_gives_up() {
        RetryPolicy.Verdict verdict = policy.afterFailure(7, "mailbox unavailable", NOW);

        assertThat(verdict.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(verdict.attempts()).isEqualTo(8);
        assertThat(verdict.error()).isEqualTo("mailbox unavailable");
        assertThat(verdict.nextAttemptAt()).isNull();
    }

    @Test
    void a_log_row_keeps_the_verdict_and_counts_the_successful_attempt_too() {
        NotificationLog row = new NotificationLog();
        row.status = DeliveryStatus.PENDING;

        row.recordFailure(policy.afterFailure(row.attempts, "421 try later", NOW));
        assertThat(row.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).isEqualTo("421 try later");

        row.recordSent(NOW.plusSeconds(5));
        assertThat(row.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(row.attempts).isEqualTo(2);
        assertThat(row.sentAt).isEqualTo(NOW.plusSeconds(5));
        assertThat(row.nextAttemptAt).isNull();
    }
}
