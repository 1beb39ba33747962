package com.wimd.notification.log;

/** PENDING until sent; FAILED when it cannot be sent (no address) or the dispatcher gave up. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED;

    /** Whether nothing more will happen to the message: it went out, or we gave up on it. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
