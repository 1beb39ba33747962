package com.wimd.support.work;

import java.time.Duration;

/** How long to wait before trying again: the first wait, then twice as long each time, never more than a cap. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * @param first the wait before the first retry
     * @param retry which retry this is, from 1
     * @param cap   the longest wait
     * @return first x 2^(retry - 1), at most cap
     */
    public static Duration exponential(Duration first, int retry, Duration cap) {
        Duration wait = first;
        for (int i = 1; i < retry && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
