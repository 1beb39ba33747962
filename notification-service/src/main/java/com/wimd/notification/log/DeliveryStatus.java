package com.wimd.notification.log;

/**
 * PENDING until sent; SENT once the provider took it; FAILED when it cannot be sent (no address) or the dispatcher
 * gave up; DISABLED when the channel was switched off as the message was written (an SMS while
 * TWILIO_SMS_ENABLED=false): the client chose it, and it was deliberately not sent.
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, DISABLED;

    /** Whether nothing more will happen to the message: it went out, we gave up on it, or its channel is off. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
