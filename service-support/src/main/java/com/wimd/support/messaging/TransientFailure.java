package com.wimd.support.messaging;

/**
 * Marks a failure that passes on its own: an external service answered 5xx or 429, or did not answer in time.
 * A consumer whose handler fails with one retries for as long as it lasts instead of parking the message.
 */
public interface TransientFailure {

    /** Whether this failure passes on its own; an adapter's exception may say no (a 4xx refusal, say). */
    default boolean isTransient() {
        return true;
    }
}
