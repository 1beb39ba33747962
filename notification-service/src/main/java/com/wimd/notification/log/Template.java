package com.wimd.notification.log;

/** Which message a log row is; the slug is what the {@code template} column holds. */
public enum Template {
    BOOKING_CONFIRMED("booking-confirmed"),
    BOOKING_FAILED("booking-failed"),
    PAYMENT_REFUNDED("payment-refunded"),
    ORPHAN_PAYMENT_REFUNDED("orphan-payment-refunded"),
    /** To the coach: a refund failed and the money is still theirs to give back. */
    REFUND_FAILED("refund-failed"),
    BOOKING_CANCELLED("booking-cancelled"),
    LATE_FEE_CHARGED("late-fee-charged"),
    BOOKING_RESCHEDULED("booking-rescheduled"),
    /** To the coach: a late fee could not be charged (a cancelled package session's credit is forfeited instead). */
    FEE_CHARGE_FAILED("fee-charge-failed"),
    /** To the coach: their calendar has been unreadable for a while; availability runs on the last busy times known. */
    CALENDAR_UNREACHABLE("calendar-unreachable"),
    /** To the coach: what blocking a date did to the bookings on it. */
    DATE_BLOCKED("date-blocked");

    private final String slug;

    Template(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
