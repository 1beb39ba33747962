package com.wimd.booking.admin.service;

import com.wimd.booking.appointments.domain.SagaStatus;
import com.wimd.booking.appointments.persistence.Appointment;
import com.wimd.support.metrics.StateCounts;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Bookings' sagas by outcome, for the metrics (coach_sagas{outcome=STARTED|COMPLETED|ABORTED}). */
@ApplicationScoped
public class SagaOutcomes implements StateCounts {

    @Override
    public String metric() {
        return "coach.sagas";
    }

    @Override
    public String tag() {
        return "outcome";
    }

    @Override
    public Map<String, Long> counts() {
        return StateCounts.countEach(SagaStatus.values(), state -> Appointment.count("sagaStatus", state));
    }
}
