package com.wimd.booking.appointments.domain;

/** Where one booking's saga stands: the appointment's status and each step's. */
public record SagaState(AppointmentStatus status, SagaStatus saga, StepStatus payment, StepStatus calendar,
                        StepStatus confirmation) {
}
