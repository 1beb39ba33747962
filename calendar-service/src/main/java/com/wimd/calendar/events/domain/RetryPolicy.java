package com.wimd.calendar.events.domain;

import com.wimd.support.work.Backoff;

import java.time.Duration;

/** How long to wait before try number {@code attempt} (1-based) and whether to try at all. */
public record RetryPolicy(int maxAttempts, Duration firstBackoff) {

    public boolean shouldTry(int attempt, boolean lastFailureTransient) {
        return attempt <= maxAttempts && (attempt == 1 || lastFailureTransient);
    }

    /** Exponential: first, 2x first, 4x first... capped at 30 seconds. */
    public Duration backoffBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        return Backoff.exponential(firstBackoff, attempt - 1, Duration.ofSeconds(30));
    }
}
