package com.wimd.notification.log;

import com.wimd.events.EventType;

import java.util.Arrays;

/**
 * Which message a log row is; the slug is what the {@code template} column holds. Each names the event type that
 * asks for it and whom it is for.
 */
public enum Template {
    BOOKING_CONFIRMED("booking-confirmed", EventType.BOOKING_CONFIRMED, Recipient.CLIENT),
    BOOKING_FAILED("booking-failed", EventType.BOOKING_FAILED, Recipient.CLIENT),
    PAYMENT_REFUNDED("payment-refunded", EventType.PAYMENT_REFUNDED, Recipient.CLIENT),
    ORPHAN_PAYMENT_REFUNDED("orphan-payment-refunded", EventType.ORPHAN_PAYMENT_REFUNDED, Recipient.CLIENT),
    PACKAGE_PURCHASED("package-purchased", EventType.PACKAGE_PAYMENT_SUCCEEDED, Recipient.CLIENT),
    PACKAGE_PAYMENT_FAILED("package-payment-failed", EventType.PACKAGE_PAYMENT_FAILED, Recipient.CLIENT),
    /** To the coach: a booking is confirmed (the same event as the client's confirmation). */
    COACH_NEW_BOOKING("coach-new-booking", EventType.BOOKING_CONFIRMED, Recipient.COACH),
    /** To the coach: a booking was cancelled, by the client or by the coach (the same event as the client's message). */
    COACH_BOOKING_CANCELLED("coach-booking-cancelled", EventType.BOOKING_CANCELLED, Recipient.COACH),
    /** To the coach: a refund failed and the money is still theirs to give back. */
    REFUND_FAILED("refund-failed", EventType.REFUND_FAILED, Recipient.COACH),
    BOOKING_CANCELLED("booking-cancelled", EventType.BOOKING_CANCELLED, Recipient.CLIENT),
    LATE_FEE_CHARGED("late-fee-charged", EventType.LATE_FEE_CHARGED, Recipient.CLIENT),
    BOOKING_RESCHEDULED("booking-rescheduled", EventType.BOOKING_RESCHEDULED, Recipient.CLIENT),
    /** A late move whose fee was paid did not happen (the coach blocked the day meanwhile): it stays, the fee comes back. */
    RESCHEDULE_WITHDRAWN("reschedule-withdrawn", EventType.RESCHEDULE_WITHDRAWN, Recipient.CLIENT),
    /**
     * A session is coming up (24 hours ahead by default): sent by the reminder job, not by an event as it is read; its
     * log row carries the event that set the session's time (a confirmation, or a BookingRescheduled after a move).
     */
    SESSION_REMINDER("session-reminder", EventType.BOOKING_CONFIRMED, Recipient.CLIENT),
    /** To the coach: a late fee could not be charged (a cancelled package session's credit is forfeited instead). */
    FEE_CHARGE_FAILED("fee-charge-failed", EventType.FEE_CHARGE_FAILED, Recipient.COACH),
    /** To the coach: their calendar has been unreadable for a while; availability runs on the last busy times known. */
    CALENDAR_UNREACHABLE("calendar-unreachable", EventType.COACH_CALENDAR_SYNCED, Recipient.COACH),
    /** To the coach: what blocking a date did to the bookings on it. */
    DATE_BLOCKED("date-blocked", EventType.DATE_BLOCKED, Recipient.COACH),
    /** To the coach: a service parked a message; it waits for a fix and a replay. */
    MESSAGE_PARKED("message-parked", EventType.MESSAGE_PARKED, Recipient.COACH);

    /** Whom a message is for. */
    public enum Recipient {
        CLIENT, COACH
    }

    private final String slug;
    private final EventType cause;
    private final Recipient recipient;

    Template(String slug, EventType cause, Recipient recipient) {
        this.slug = slug;
        this.cause = cause;
        this.recipient = recipient;
    }

    public String slug() {
        return slug;
    }

    /** The event type whose events ask for this message. */
    public EventType cause() {
        return cause;
    }

    public Recipient recipient() {
        return recipient;
    }

    public static Template ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown template: " + slug));
    }
}
