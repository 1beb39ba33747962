package com.wimd.booking.appointments.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long each step of a pending booking may take, counted from when that step began (not from the request), so a
 * booking that is moving is never failed for the time an earlier step took:
 * <ul>
 *     <li><b>payment</b> (paid sessions): the client's payment must arrive within the hold (15 minutes), counted
 *     from the request, which is when the payment step begins;</li>
 *     <li><b>calendar</b>: once nothing but the calendar is missing, its answer must come within
 *     {@code calendarStep};</li>
 *     <li><b>payment report</b>: the calendar answered first (it acts only on a verified payment), so the report of
 *     that payment is on its way and must come within {@code paymentReport}.</li>
 * </ul>
 * A booking past its step's deadline fails with a reason the client can read; the usual compensation follows.
 */
public record StepDeadlines(Duration paymentHold, Duration calendarStep, Duration paymentReport) {

    public static final String PAYMENT_LATE = "the payment did not arrive in time";
    public static final String CALENDAR_LATE = "the coach's calendar did not answer in time";
    public static final String PAYMENT_REPORT_LATE = "the payment could not be confirmed in time";
    public static final String PACKAGE_PAYMENT_LATE = "the payment could not be verified in time";

    /**
     * @param state         the booking's saga state
     * @param stepStartedAt when its current step began (the request, or the last step that completed)
     * @return the reason it has failed, if its current step is past its deadline at {@code now}
     */
    public Optional<String> overdue(SagaState state, Instant stepStartedAt, Instant now) {
        if (state.status() != AppointmentStatus.PENDING) {
            return Optional.empty();
        }
        if (state.payment() == StepStatus.PENDING) {
            return state.calendar() == StepStatus.DONE
                    ? passed(stepStartedAt, paymentReport, now, PAYMENT_REPORT_LATE)
                    : passed(stepStartedAt, paymentHold, now, PAYMENT_LATE);
        }
        if (state.calendar() == StepStatus.PENDING) {
            return passed(stepStartedAt, calendarStep, now, CALENDAR_LATE);
        }
        return Optional.empty();
    }

    /** The earliest start of a step that may be overdue by {@code now}: what the reaper asks the database for. */
    public Instant oldestStepThatMayBeOverdue(Instant now) {
        Duration shortest = paymentHold;
        if (calendarStep.compareTo(shortest) < 0) {
            shortest = calendarStep;
        }
        if (paymentReport.compareTo(shortest) < 0) {
            shortest = paymentReport;
        }
        return now.minus(shortest);
    }

    /** A package whose payment has not been verified within {@code limit} of its purchase has failed. */
    public static boolean packagePaymentOverdue(Instant requestedAt, Duration limit, Instant now) {
        return !requestedAt.plus(limit).isAfter(now);
    }

    private static Optional<String> passed(Instant since, Duration limit, Instant now, String reason) {
        return since.plus(limit).isAfter(now) ? Optional.empty() : Optional.of(reason);
    }
}
