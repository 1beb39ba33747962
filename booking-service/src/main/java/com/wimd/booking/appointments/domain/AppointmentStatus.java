package com.wimd.booking.appointments.domain;

public enum AppointmentStatus {
    /** The slot is held while the saga runs. */
    PENDING,
    /** Paid (or free), in the coach's calendar, booked. */
    CONFIRMED,
    /** The saga was compensated: the slot and anything taken for it are released. */
    FAILED,
    /** Failed after the money moved, and the money went back. */
    REFUNDED
}
