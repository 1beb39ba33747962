package com.wimd.events;

/**
 * Who the session is for, and how to reach them about this booking. The user id is the OIDC token's subject; the
 * phone is E.164 (the coach calls it).
 *
 * @param zone          the client's time zone (IANA id) as the booking page sent it; null when unknown (messages then
 *                      use the coach's zone)
 * @param notifications the channels the client chose for this booking; null means {@link NotificationPreferences#DEFAULT}
 */
public record Client(String userId, String name, String email, String phone, String zone,
                     NotificationPreferences notifications) {

    /** A client whose zone and preferences are not known (the defaults apply). */
    public Client(String userId, String name, String email, String phone) {
        this(userId, name, email, phone, null, null);
    }

    /** The channels to use: the client's choice, or the defaults. */
    public NotificationPreferences channels() {
        return notifications == null ? NotificationPreferences.DEFAULT : notifications;
    }

    public Client withNotifications(NotificationPreferences chosen) {
        return new Client(userId, name, email, phone, zone, chosen);
    }
}
