package com.wimd.notification.log;

/** PENDING until sent; FAILED when it cannot be sent (no address) or the dispatcher gave up. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
