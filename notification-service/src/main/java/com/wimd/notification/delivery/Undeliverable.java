package com.wimd.notification.delivery;

/**
 * The provider refused this message for good (Twilio's 4xx: a number that cannot receive texts, a malformed one):
 * trying again cannot help, so the message is given up (FAILED) at once instead of after every retry.
 */
public class Undeliverable extends RuntimeException {

    public Undeliverable(String message, Throwable cause) {
        super(message, cause);
    }
}
