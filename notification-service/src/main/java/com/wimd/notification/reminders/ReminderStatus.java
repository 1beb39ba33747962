package com.wimd.notification.reminders;

/** Where a booking's reminder stands. */
public enum ReminderStatus {
    /** Due at its time; the job will claim it. */
    SCHEDULED,
    /** Claimed and written to the client's channels (once: the claim and the messages are one transaction). */
    SENT,
    /** The session was booked or moved less than the lead time ahead: its confirmation is the reminder. */
    SHORT_NOTICE,
    /** The session was cancelled: nothing is sent, and no later event brings the reminder back. */
    CANCELLED,
    /** Claimed only after the session began (the service was down through its time): too late to remind. */
    MISSED,
    /** The event it was planned from cannot be read any more (logged at ERROR): set aside, not sent. */
    UNREADABLE
}
