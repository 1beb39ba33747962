package com.wimd.booking.appointments.service;

import com.wimd.booking.appointments.domain.SagaState;
import com.wimd.booking.appointments.domain.StepStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * How long each saga step took, from its start (the appointment's step_started_at) to its report:
 * coach_saga_step_seconds{step=payment|calendar, outcome=succeeded|failed|overdue}, with buckets at the limits the
 * steps have (StepDeadlines). Recorded as the report is handled: a handler retried after a rollback counts twice,
 * which the buckets' shape survives.
 */
@ApplicationScoped
public class SagaStepTimes {

    private final MeterRegistry registry;

    public SagaStepTimes(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Appointment appointment, String step, String outcome, Instant now) {
        if (appointment.stepStartedAt == null) {
            return;
        }
        Timer.builder("coach.saga.step").tag("step", step).tag("outcome", outcome)
                .description("From a saga step's start to its report")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1))
                .register(registry)
                .record(Duration.between(appointment.stepStartedAt, now).abs());
    }

    /** The step a pending saga waits on: the payment's report until it is in, then the calendar's. */
    static String waitingStep(SagaState state) {
        return state.payment() == StepStatus.PENDING ? "payment" : "calendar";
    }
}
