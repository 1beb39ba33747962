package com.wimd.booking.appointments.api;

import com.wimd.support.problem.ProblemType;

/** The problems a booking request can meet; their types are part of the API. */
public final class BookingProblems {

    public static final ProblemType INVALID_SLOT = new ProblemType("invalid-slot", 400, "That time cannot be booked");
    public static final ProblemType SLOT_UNAVAILABLE = new ProblemType("slot-unavailable", 409, "That slot is not available");
    public static final ProblemType INVALID_PHONE = new ProblemType("invalid-phone", 400, "The phone number is not valid");
    public static final ProblemType PROMO_INVALID = new ProblemType("promo-invalid", 400, "The promo code is not valid");
    public static final ProblemType PROMO_EXHAUSTED = new ProblemType("promo-exhausted", 409, "The promo code has no uses left");

    public static final ProblemType NOTICE_TOO_SHORT = new ProblemType("notice-too-short", 400, "That session is too soon to book");
    public static final ProblemType PAYMENT_INTENT_USED = new ProblemType("payment-intent-used", 409, "That payment already pays for another booking");
    public static final ProblemType PACKAGE_EXHAUSTED = new ProblemType("package-exhausted", 409, "The package has no sessions left");
    public static final ProblemType PACKAGE_NOT_ACTIVE = new ProblemType("package-not-active", 409, "The package's payment is not verified");
    public static final ProblemType TOO_MANY_PENDING = new ProblemType("too-many-pending", 429, "Too many bookings are waiting to be confirmed");
    public static final ProblemType NOT_CHANGEABLE = new ProblemType("booking-not-changeable", 409, "This booking can no longer be changed");
    public static final ProblemType PAYMENT_FAILED = new ProblemType("payment-failed", 402, "The payment was not accepted");
    public static final ProblemType RESCHEDULE_LIMIT = new ProblemType("reschedule-limit-reached", 409, "This booking cannot be moved again");
    public static final ProblemType CHANGE_IN_PROGRESS = new ProblemType("change-in-progress", 409, "A change of this booking is under way");

    public static final ProblemType SESSION_NOT_STARTED = new ProblemType("session-not-started", 409, "The session has not started yet");
    public static final ProblemType PROMO_EXISTS = new ProblemType("promo-exists", 409, "That promo code exists already");
    public static final ProblemType PROMO_USES_TAKEN = new ProblemType("promo-uses-taken", 409, "More uses of that code are taken already");

    private BookingProblems() {
    }
}
