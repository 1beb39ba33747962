package com.wimd.events;

/**
 * The channels a client wants to hear on about one booking. SMS may be chosen while SMS is switched off: the choice is
 * kept and honoured once it is on.
 */
public record NotificationPreferences(boolean email, boolean inapp, boolean sms) {

    /** Email and in-app, no SMS: what a booking gets unless the client chooses otherwise. */
    public static final NotificationPreferences DEFAULT = new NotificationPreferences(true, true, false);
}
