package com.wimd.booking.appointments.domain;

import com.wimd.events.BookingType;


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
        /**
         * Record the calendar's event: its report overtook the payment's (they travel on different topics), and
         * the booking confirms when the payment's arrives.
         */
        RECORD_CALENDAR_EVENT,
        /** Mark the appointment booked and announce BookingConfirmed. */
        CONFIRM,
        /** Release the slot and whatever was taken for it (promo use, package credit), announce BookingFailed. */
        RELEASE_AND_NOTIFY,
        /**
         * A confirmed booking is cancelled: give back what the change policy's quote says and announce
         * BookingCancelled (payment-service refunds or charges, calendar-service deletes the event).
         */
        CANCEL
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

    /**
     * The payment is verified: record it, and confirm if the calendar's report came first ({@link Effect#CONFIRM}
     * then also means: record the payment).
     */
    public static Transition onPaymentSucceeded(SagaState state) {
        if (state.status() == AppointmentStatus.PENDING && state.payment() == StepStatus.PENDING) {
            SagaState paid = withPayment(state, StepStatus.DONE);
            return state.calendar() == StepStatus.DONE
                    ? new Transition(confirmed(paid), Effect.CONFIRM)
                    : new Transition(paid, Effect.RECORD_PAYMENT);
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

    /**
     * The session is in the coach's calendar. calendar-service acts only on a verified payment, so for a paid
     * booking whose PaymentSucceeded has not reached us yet (another topic, another pace) the report is kept and
     * the confirmation waits for the payment's.
     */
    public static Transition onCalendarEventCreated(SagaState state) {
        return switch (state.status()) {
            case PENDING -> {
                if (state.calendar() == StepStatus.DONE) {
                    yield new Transition(state, Effect.NONE); // a repeat while the payment's report is on its way
                }
                yield state.payment() == StepStatus.PENDING
                        ? new Transition(withCalendar(state, StepStatus.DONE), Effect.RECORD_CALENDAR_EVENT)
                        : new Transition(confirmed(state), Effect.CONFIRM);
            }
            // Too late: the booking already failed (its hold expired, say). calendar-service deletes the
            // event when it sees BookingFailed, whichever of the two it sees first.
            case CONFIRMED, FAILED, REFUNDED, CANCELLED, COMPLETED, NO_SHOW -> new Transition(state, Effect.NONE);
        };
    }

    public static Transition onCalendarEventFailed(SagaState state) {
        return switch (state.status()) {
            case PENDING -> abort(withCalendar(state, StepStatus.FAILED));
            case CONFIRMED, FAILED, REFUNDED, CANCELLED, COMPLETED, NO_SHOW -> new Transition(state, Effect.NONE);
        };
    }

    /**
     * The booking's current step is past its deadline ({@link StepDeadlines}): it fails, and the step that did not
     * answer is marked FAILED. A booking no longer pending is left alone.
     */
    public static Transition onStepOverdue(SagaState state) {
        if (state.status() != AppointmentStatus.PENDING) {
            return new Transition(state, Effect.NONE);
        }
        SagaState failedStep = state.payment() == StepStatus.PENDING
                ? withPayment(state, StepStatus.FAILED)
                : withCalendar(state, StepStatus.FAILED);
        return abort(failedStep);
    }

    /**
     * The client or the coach cancels. A pending booking is compensated like any failure (BookingFailed: whatever it
     * paid goes back, whenever it is paid; an event made meanwhile is deleted), but ends CANCELLED, not FAILED. A
     * confirmed one is cancelled ({@link Effect#CANCEL}). Anything else is not cancellable: {@link Effect#NONE}.
     */
    public static Transition onCancel(SagaState state) {
        return switch (state.status()) {
            case PENDING -> {
                Transition aborted = abort(state);
                SagaState next = aborted.next();
                yield new Transition(new SagaState(AppointmentStatus.CANCELLED, next.saga(), next.payment(),
                        next.calendar(), next.confirmation()), Effect.RELEASE_AND_NOTIFY);
            }
            case CONFIRMED -> new Transition(new SagaState(AppointmentStatus.CANCELLED, state.saga(), state.payment(),
                    state.calendar(), state.confirmation()), Effect.CANCEL);
            case FAILED, REFUNDED, CANCELLED, COMPLETED, NO_SHOW -> new Transition(state, Effect.NONE);
        };
    }

    /** The money of a failed booking went back: the booking ends REFUNDED. */
    public static Transition onPaymentRefunded(SagaState state) {
        if (state.status() == AppointmentStatus.FAILED) {
            return new Transition(new SagaState(AppointmentStatus.REFUNDED, state.saga(), StepStatus.COMPENSATED,
                    state.calendar(), state.confirmation()), Effect.NONE);
        }
        return new Transition(state, Effect.NONE);
    }

    private static SagaState confirmed(SagaState state) {
        return new SagaState(AppointmentStatus.CONFIRMED, SagaStatus.COMPLETED, state.payment(), StepStatus.DONE,
                StepStatus.DONE);
    }

    private static Transition abort(SagaState state) {
        return new Transition(new SagaState(AppointmentStatus.FAILED, SagaStatus.ABORTED, state.payment(),
                state.calendar() == StepStatus.PENDING ? StepStatus.NOT_REQUIRED : state.calendar(),
                StepStatus.NOT_REQUIRED), Effect.RELEASE_AND_NOTIFY);
    }

    private static SagaState withPayment(SagaState state, StepStatus payment) {
        return new SagaState(state.status(), state.saga(), payment, state.calendar(), state.confirmation());
    }

    private static SagaState withCalendar(SagaState state, StepStatus calendar) {
        return new SagaState(state.status(), state.saga(), state.payment(), calendar, state.confirmation());
    }
}
