package com.wimd.booking.appointments.api;

import com.wimd.events.NotificationPreferences;
import com.wimd.support.problem.ProblemType;

import java.util.Map;
import java.util.Set;

/**
 * Reads the channels a client chooses for a booking, {@code {"email": bool, "inapp": bool, "sms": bool}}: a key left
 * out (or null) takes the default ({@link NotificationPreferences#DEFAULT}); any other key, or a value that is not
 * true or false, is a 400 naming the field. Read from a map rather than into boolean fields, because Jackson would
 * quietly take {@code "true"} or {@code 1} for a boolean, and (as configured) ignore a misspelt key. The SMS choice is
 * taken even while SMS is switched off.
 */
public final class NotificationChoices {

    static final Set<String> KEYS = Set.of("email", "inapp", "sms");

    private NotificationChoices() {
    }

    /**
     * The choice in {@code raw}, or null if there is none (the booking keeps the defaults). {@code field} names the
     * object in problems ({@code notification_preferences}), or is null for a whole request body (each key is then
     * named alone).
     */
    static NotificationPreferences read(Map<String, Object> raw, String field) {
        if (raw == null) {
            return null;
        }
        for (String key : raw.keySet()) {
            if (!KEYS.contains(key)) {
                String detail = (field == null ? "the body" : field) + " takes only email, inapp and sms";
                throw field == null ? ProblemType.VALIDATION.because(detail) : ProblemType.VALIDATION.at(field, detail);
            }
        }
        NotificationPreferences defaults = NotificationPreferences.DEFAULT;
        return new NotificationPreferences(
                flag(raw, "email", defaults.email(), field),
                flag(raw, "inapp", defaults.inapp(), field),
                flag(raw, "sms", defaults.sms(), field));
    }

    private static boolean flag(Map<String, Object> raw, String key, boolean otherwise, String field) {
        Object value = raw.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean chosen) {
            return chosen;
        }
        String named = field == null ? key : field + "." + key;
        throw ProblemType.VALIDATION.at(named, named + " must be true or false");
    }
}
