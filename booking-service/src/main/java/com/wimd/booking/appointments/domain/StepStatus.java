package com.wimd.booking.appointments.domain;

public enum StepStatus {
    NOT_REQUIRED, PENDING, DONE, FAILED
}
