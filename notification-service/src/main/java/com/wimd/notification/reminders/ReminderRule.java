package com.wimd.notification.reminders;

import com.wimd.events.Client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When a session's reminder is due, and whether there is one. Pure: the times are passed in.
 * <ul>
 *   <li>A reminder is due {@code lead} before the session (24 hours by default).</li>
 *   <li>A session booked or moved less than {@code lead} ahead has none: its confirmation has just told the client.</li>
 *   <li>A reminder claimed once its session has begun is not sent (too late to be of use).</li>
 *   <li>Each time the session's time is set (confirmed, then each move) its reminder is a new message, with its own
 *       delivery id: a move after a reminder went out makes a new one due, and one time set is reminded of once.</li>
 * </ul>
 */
public final class ReminderRule {

    private ReminderRule() {
    }

    public static Instant dueAt(Instant sessionStart, Duration lead) {
        return sessionStart.minus(lead);
    }

    /** The status of the reminder for a session whose time was set at {@code decidedAt}. */
    public static ReminderStatus onTimeSet(Instant sessionStart, Instant decidedAt, Duration lead) {
        return decidedAt.isBefore(dueAt(sessionStart, lead)) ? ReminderStatus.SCHEDULED : ReminderStatus.SHORT_NOTICE;
    }

    /** Whether a reminder claimed at {@code now} is still worth sending. */
    public static boolean stillUseful(Instant sessionStart, Instant now) {
        return now.isBefore(sessionStart);
    }

    /**
     * Whom to remind, and on which channels: the client as the event that set the time carried them, unless the
     * client changed their choices after it.
     */
    public static Client whoToRemind(Client asBooked, Instant bookedAt, Client changed, Instant changedAt) {
        return changed != null && changedAt != null && changedAt.isAfter(bookedAt) ? changed : asBooked;
    }

    /**
     * The reminder's id as a message: one per time set (the event that set it), so however often it is claimed or
     * retried it is delivered once per channel (the notification log's unique key).
     */
    public static UUID deliveryId(UUID timeSetBy) {
        return UUID.nameUUIDFromBytes(("session-reminder:" + timeSetBy).getBytes(StandardCharsets.UTF_8));
    }
}
