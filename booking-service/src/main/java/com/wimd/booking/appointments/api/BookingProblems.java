package com.wimd.booking.appointments.api;

import com.wimd.support.problem.ProblemType;

/** The problems a booking request can meet; their types are part of the API. */
public final class BookingProblems {

    public static final ProblemType INVALID_SLOT = new ProblemType("invalid-slot", 400, "That time cannot be booked");
    public static final ProblemType SLOT_UNAVAILABLE = new ProblemType("slot-unavailable", 409, "That slot is not available");
    public static final ProblemType INVALID_PHONE = new ProblemType("invalid-phone", 400, "The phone number is not valid");
    public static final ProblemType PROMO_INVALID = new ProblemType("promo-invalid", 400, "The promo code is not valid");
    public static final ProblemType PROMO_EXHAUSTED = new ProblemType("promo-exhausted", 409, "The promo code has no uses left");

    private BookingProblems() {
    }
}
