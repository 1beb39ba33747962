package com.wimd.notification.log;

import com.wimd.support.work.Backoff;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens after a failed send: try again after a delay that doubles each time (up to a cap),
 * until {@code maxAttempts} attempts have failed; then give up (FAILED) so one bad address does not
 * retry forever. Pure: the clock's reading is passed in.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** The row's state after a failed attempt. {@code nextAttemptAt} is null when given up. */
    public record Verdict(DeliveryStatus status, int attempts, String error, Instant nextAttemptAt) {
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= firstDelay <= maxDelay");
        }
    }

    /**
     * @param attemptsBefore the attempts made before this failed one
     */
    public Verdict afterFailure(int attemptsBefore, String error, Instant now) {
        int attempts = attemptsBefore + 1;
        if (attempts >= maxAttempts) {
            return new Verdict(DeliveryStatus.FAILED, attempts, error, null);
        }
        return new Verdict(DeliveryStatus.PENDING, attempts, error, now.plus(delayAfter(attempts)));
    }

    /** The row's state after an attempt the provider refused for good: given up at once, whatever attempts are left. */
    public Verdict givenUp(int attemptsBefore, String error) {
        return new Verdict(DeliveryStatus.FAILED, attemptsBefore + 1, error, null);
    }

    /** The wait after the n-th failed attempt: firstDelay, 2 x firstDelay, 4 x ..., at most maxDelay. */
    Duration delayAfter(int failedAttempts) {
        return Backoff.exponential(firstDelay, failedAttempts, maxDelay);
    }
}
