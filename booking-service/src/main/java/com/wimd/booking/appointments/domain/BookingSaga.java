package com.wimd.booking.appointments.domain;

import com.wimd.events.BookingType;

import java.time.Duration;
import java.time.Instant;

/**
 * The booking saga's transitions, as pure functions of the current state. Order: payment (paid sessions
 * only), then calendar, then the database confirmation. Any failure ends in {@link Effect#RELEASE_AND_NOTIFY}:
 * booking-service releases what it holds and announces BookingFailed, which is every other service's cue to
 * compensate (payment-service refunds, calendar-service deletes its event, notification-service tells the client).
 * Each handler is safe to call again with the same event (it answers {@link Effect#NONE}) and tolerates events
 * that arrive after the saga has moved on.
 */
public final class BookingSaga {

    /** What the caller must do besides storing the next state. */
    public enum Effect {
        /** Nothing: a repeat or an event the saga has no use for in this state. */
        NONE,
        /** Record the verified payment; the calendar step follows on its own. */
        RECORD_PAYMENT,
        /** Mark the appointment booked and announce BookingConfirmed. */
        CONFIRM,
        /** Release the slot and whatever was taken for it (promo use, package credit), announce BookingFailed. */
        RELEASE_AND_NOTIFY
    }

    public record Transition(SagaState next, Effect effect) {
    }

    private BookingSaga() {
    }

    /** A new booking holds its slot; free and package bookings skip the payment step. */
    public static SagaState start(BookingType type) {
        StepStatus payment = type == BookingType.PAID_SINGLE ? StepStatus.PENDING : StepStatus.NOT_REQUIRED;
        return new SagaState(AppointmentStatus.PENDING, SagaStatus.STARTED, payment, StepStatus.PENDING,
                StepStatus.PENDING);
    }

    public static Transition onPaymentSucceeded(SagaState state) {
        if (state.status() == AppointmentStatus.PENDING && state.payment() == StepStatus.PENDING) {
            return new Transition(withPayment(state, StepStatus.DONE), Effect.RECORD_PAYMENT);
        }
        // A repeat, or a payment for a booking that already failed: payment-service refunds it (it has
        // seen, or will see, BookingFailed), so nothing is confirmed here.
        return new Transition(state, Effect.NONE);
    }

    public static Transition onPaymentFailed(SagaState state) {
        if (state.status() == AppointmentStatus.PENDING && state.payment() == StepStatus.PENDING) {
            return abort(withPayment(state, StepStatus.FAILED));
        }
        return new Transition(state, Effect.NONE);
    }

    public static Transition onCalendarEventCreated(SagaState state) {
        return switch (state.status()) {
            case PENDING -> state.payment() == StepStatus.PENDING || state.payment() == StepStatus.FAILED
                    // the calendar never runs before the payment; a report now is out of order: wait for it
                    ? new Transition(state, Effect.NONE)
                    : new Transition(new SagaState(AppointmentStatus.CONFIRMED, SagaStatus.COMPLETED,
                    state.payment(), StepStatus.DONE, StepStatus.DONE), Effect.CONFIRM);
            // Too late: the booking already failed (its hold expired, say). calendar-service deletes the
            // event when it sees BookingFailed, whichever of the two it sees first.
            case CONFIRMED, FAILED, REFUNDED -> new Transition(state, Effect.NONE);
        };
    }

    public static Transition onCalendarEventFailed(SagaState state) {
        return switch (state.status()) {
            case PENDING -> abort(new SagaState(state.status(), state.saga(), state.payment(), StepStatus.FAILED,
                    state.confirmation()));
            case CONFIRMED, FAILED, REFUNDED -> new Transition(state, Effect.NONE);
        };
    }

    /** A paid booking whose payment did not arrive within the hold gives its slot back. */
    public static Transition onPaymentHoldExpired(SagaState state) {
        if (state.status() == AppointmentStatus.PENDING && state.payment() == StepStatus.PENDING) {
            return abort(withPayment(state, StepStatus.FAILED));
        }
        return new Transition(state, Effect.NONE);
    }

    /** The money of a failed booking went back: the booking ends REFUNDED. */
    public static Transition onPaymentRefunded(SagaState state) {
        if (state.status() == AppointmentStatus.FAILED) {
            return new Transition(new SagaState(AppointmentStatus.REFUNDED, state.saga(), StepStatus.COMPENSATED,
                    state.calendar(), state.confirmation()), Effect.NONE);
        }
        return new Transition(state, Effect.NONE);
    }

    /** Whether a held, unpaid booking has waited longer than the hold allows. */
    public static boolean paymentHoldExpired(Instant heldSince, Duration hold, Instant now) {
        return !heldSince.plus(hold).isAfter(now);
    }

    private static Transition abort(SagaState state) {
        return new Transition(new SagaState(AppointmentStatus.FAILED, SagaStatus.ABORTED, state.payment(),
                state.calendar() == StepStatus.PENDING ? StepStatus.NOT_REQUIRED : state.calendar(),
                StepStatus.NOT_REQUIRED), Effect.RELEASE_AND_NOTIFY);
    }

    private static SagaState withPayment(SagaState state, StepStatus payment) {
        return new SagaState(state.status(), state.saga(), payment, state.calendar(), state.confirmation());
    }
}
