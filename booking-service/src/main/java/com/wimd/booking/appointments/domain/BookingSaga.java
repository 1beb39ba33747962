package com.wimd.booking.appointments.domain;

import com.wimd.events.BookingType;

/**
 * The booking saga's transitions, as pure functions of the current state. Order: payment, then calendar,
 * then the database confirmation. Each handler is safe to call again with the same event (it answers
 * {@link Effect#NONE}) and tolerates events that arrive after the saga has moved on.
 */
public final class BookingSaga {

    /** What the caller must do besides storing the next state. */
    public enum Effect {
        /** Nothing: a repeat or an event the saga has no use for in this state. */
        NONE,
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

    public static Transition onCalendarEventCreated(SagaState state) {
        return switch (state.status()) {
            case PENDING -> new Transition(new SagaState(AppointmentStatus.CONFIRMED, SagaStatus.COMPLETED,
                    state.payment(), StepStatus.DONE, StepStatus.DONE), Effect.CONFIRM);
            case CONFIRMED -> new Transition(state, Effect.NONE);
            // Today a booking fails only when the calendar itself reports failure, so a success report for a
            // failed booking is a stale repeat. (When payment timeouts can fail a booking first, this is
            // where the compensation that deletes the calendar event belongs.)
            case FAILED -> new Transition(state, Effect.NONE);
        };
    }

    public static Transition onCalendarEventFailed(SagaState state) {
        return switch (state.status()) {
            case PENDING -> new Transition(new SagaState(AppointmentStatus.FAILED, SagaStatus.ABORTED,
                    state.payment(), StepStatus.FAILED, StepStatus.NOT_REQUIRED), Effect.RELEASE_AND_NOTIFY);
            case CONFIRMED, FAILED -> new Transition(state, Effect.NONE);
        };
    }
}
