package com.wimd.booking.appointments.domain;

public enum StepStatus {
    NOT_REQUIRED, PENDING, DONE, FAILED,
    /** Done, then undone by a compensation (a payment refunded). */
    COMPENSATED
}
