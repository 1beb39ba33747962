package com.wimd.booking.appointments.domain;

public enum SagaStatus {
    STARTED, COMPLETED, ABORTED
}
