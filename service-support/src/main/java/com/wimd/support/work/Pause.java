package com.wimd.support.work;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waiting on a worker thread between tries; an interrupt (shutdown) ends the wait with an exception. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }
}
