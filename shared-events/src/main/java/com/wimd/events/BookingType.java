package com.wimd.events;

/** How a session is paid for; it decides which saga steps apply. */
public enum BookingType {
    /** Paid with a promo code: no payment step. */
    FREE,
    /** Paid by card through Stripe before the calendar step. */
    PAID_SINGLE,
    /** One credit of a prepaid package: no payment step. */
    PACKAGE
}
