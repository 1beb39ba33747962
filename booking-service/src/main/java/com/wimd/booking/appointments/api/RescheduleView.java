package com.wimd.booking.appointments.api;

import com.wimd.booking.appointments.service.Reschedules;

import java.time.Instant;
import java.util.UUID;

/**
 * What a reschedule came to. {@code rescheduled} is false while a late move's fee is still being charged (202; the
 * booking's {@code moving_to} shows where it is going).
 *
 * @param feeAmount in minor units of {@code currency}: charged to the saved card before the move
 */
public record RescheduleView(UUID bookingId, boolean rescheduled, String status, Instant scheduledDatetime,
                             Instant backupDatetime, Instant movingTo, boolean feeApplied, long feeAmount, String currency,
                             int rescheduleCount) {

    static RescheduleView of(Reschedules.Outcome outcome) {
        var a = outcome.appointment();
        return new RescheduleView(a.id, outcome.state() == Reschedules.State.MOVED, a.status.name(), a.scheduledAt,
                a.backupAt, a.movingTo, outcome.feeMinor() > 0, outcome.feeMinor(), outcome.currency(), a.rescheduleCount);
    }
}
