package com.wimd.booking.appointments.domain;

public enum AppointmentStatus {
    /** The slot is held while the saga runs. */
    PENDING,
    /** Paid (or free), in the coach's calendar, booked. */
    CONFIRMED,
    /** The saga was compensated: the slot and anything taken for it are released. */
    FAILED,
    /** Failed after the money moved, and the money went back. */
    REFUNDED,
    /** Cancelled by its client or the coach; the slot is free again, and the change policy decided the money. */
    CANCELLED,
    /** The session took place: the coach called the client. */
    COMPLETED,
    /** The coach called at the time and the client did not answer; the session is over, nothing is given back. */
    NO_SHOW;

    /** Holds its slot: pending or confirmed. */
    public boolean isLive() {
        return this == PENDING || this == CONFIRMED;
    }
}
