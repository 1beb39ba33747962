package com.wimd.booking.appointments.domain;

import com.wimd.events.BookingType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookingSagaTest {

    @Test
    void a_free_booking_starts_pending_without_a_payment_step() {
        SagaState start = BookingSaga.start(BookingType.FREE);
        assertThat(start.status()).isEqualTo(AppointmentStatus.PENDING);
        assertThat(start.saga()).isEqualTo(SagaStatus.STARTED);
        assertThat(start.payment()).isEqualTo(StepStatus.NOT_REQUIRED);
        assertThat(start.calendar()).isEqualTo(StepStatus.PENDING);
    }

    @Test
    void a_paid_booking_starts_waiting_for_its_payment() {
        assertThat(BookingSaga.start(BookingType.PAID_SINGLE).payment()).isEqualTo(StepStatus.PENDING);
        assertThat(BookingSaga.start(BookingType.PACKAGE).payment()).isEqualTo(StepStatus.NOT_REQUIRED);
    }

    @Test
    void the_calendar_event_confirms_a_pending_booking() {
        BookingSaga.Transition t = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.CONFIRM);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(t.next().saga()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(t.next().calendar()).isEqualTo(StepStatus.DONE);
        assertThat(t.next().confirmation()).isEqualTo(StepStatus.DONE);
    }

    @Test
    void a_repeated_calendar_event_changes_nothing() {
        SagaState confirmed = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE)).next();
        BookingSaga.Transition again = BookingSaga.onCalendarEventCreated(confirmed);
        assertThat(again.effect()).isEqualTo(BookingSaga.Effect.NONE);
        assertThat(again.next()).isEqualTo(confirmed);
    }

    @Test
    void a_calendar_failure_aborts_the_saga_and_releases_what_was_held() {
        BookingSaga.Transition t = BookingSaga.onCalendarEventFailed(BookingSaga.start(BookingType.FREE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.RELEASE_AND_NOTIFY);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.FAILED);
        assertThat(t.next().saga()).isEqualTo(SagaStatus.ABORTED);
        assertThat(t.next().calendar()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void a_repeated_calendar_failure_releases_nothing_twice() {
        SagaState failed = BookingSaga.onCalendarEventFailed(BookingSaga.start(BookingType.FREE)).next();
        assertThat(BookingSaga.onCalendarEventFailed(failed).effect()).isEqualTo(BookingSaga.Effect.NONE);
    }

    @Test
    void late_or_contradictory_reports_do_not_reopen_a_finished_saga() {
        SagaState confirmed = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE)).next();
        SagaState failed = BookingSaga.onCalendarEventFailed(BookingSaga.start(BookingType.FREE)).next();
        assertThat(BookingSaga.onCalendarEventFailed(confirmed).effect()).isEqualTo(BookingSaga.Effect.NONE);
        assertThat(BookingSaga.onCalendarEventCreated(failed).effect()).isEqualTo(BookingSaga.Effect.NONE);
        assertThat(BookingSaga.onCalendarEventCreated(failed).next().status()).isEqualTo(AppointmentStatus.FAILED);
    }

    @Test
    void a_verified_payment_is_recorded_and_the_booking_waits_for_the_calendar() {
        BookingSaga.Transition t = BookingSaga.onPaymentSucceeded(BookingSaga.start(BookingType.PAID_SINGLE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.RECORD_PAYMENT);
        assertThat(t.next().payment()).isEqualTo(StepStatus.DONE);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.PENDING);
        assertThat(BookingSaga.onPaymentSucceeded(t.next()).effect()).isEqualTo(BookingSaga.Effect.NONE);
    }

    @Test
    void a_failed_payment_aborts_the_saga_before_the_calendar_runs() {
        BookingSaga.Transition t = BookingSaga.onPaymentFailed(BookingSaga.start(BookingType.PAID_SINGLE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.RELEASE_AND_NOTIFY);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.FAILED);
        assertThat(t.next().payment()).isEqualTo(StepStatus.FAILED);
        assertThat(t.next().calendar()).isEqualTo(StepStatus.NOT_REQUIRED);
    }

    @Test
    void a_calendar_report_that_overtakes_the_payment_is_kept_and_the_payment_then_confirms() {
        BookingSaga.Transition early = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.PAID_SINGLE));
        assertThat(early.effect()).isEqualTo(BookingSaga.Effect.RECORD_CALENDAR_EVENT);
        assertThat(early.next().status()).as("not confirmed before the payment").isEqualTo(AppointmentStatus.PENDING);
        assertThat(early.next().calendar()).isEqualTo(StepStatus.DONE);
        assertThat(BookingSaga.onCalendarEventCreated(early.next()).effect()).as("a repeat").isEqualTo(BookingSaga.Effect.NONE);

        BookingSaga.Transition paid = BookingSaga.onPaymentSucceeded(early.next());
        assertThat(paid.effect()).isEqualTo(BookingSaga.Effect.CONFIRM);
        assertThat(paid.next()).isEqualTo(new SagaState(AppointmentStatus.CONFIRMED, SagaStatus.COMPLETED,
                StepStatus.DONE, StepStatus.DONE, StepStatus.DONE));
        assertThat(BookingSaga.onPaymentSucceeded(paid.next()).effect()).isEqualTo(BookingSaga.Effect.NONE);
    }

    @Test
    void an_overdue_unpaid_booking_fails_with_its_payment_step_failed_and_releases_what_it_holds() {
        BookingSaga.Transition t = BookingSaga.onStepOverdue(BookingSaga.start(BookingType.PAID_SINGLE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.RELEASE_AND_NOTIFY);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.FAILED);
        assertThat(t.next().payment()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void an_overdue_free_booking_fails_with_its_calendar_step_failed() {
        BookingSaga.Transition t = BookingSaga.onStepOverdue(BookingSaga.start(BookingType.FREE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.RELEASE_AND_NOTIFY);
        assertThat(t.next().calendar()).isEqualTo(StepStatus.FAILED);
        assertThat(t.next().payment()).isEqualTo(StepStatus.NOT_REQUIRED);
    }

    @Test
    void a_booking_that_is_no_longer_pending_is_never_failed_by_a_deadline() {
        SagaState confirmed = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE)).next();
        assertThat(BookingSaga.onStepOverdue(confirmed).effect()).isEqualTo(BookingSaga.Effect.NONE);
        SagaState failed = BookingSaga.onCalendarEventFailed(BookingSaga.start(BookingType.FREE)).next();
        assertThat(BookingSaga.onStepOverdue(failed).effect()).isEqualTo(BookingSaga.Effect.NONE);
    }

    @Test
    void a_payment_arriving_after_the_booking_failed_confirms_nothing() {
        SagaState expired = BookingSaga.onStepOverdue(BookingSaga.start(BookingType.PAID_SINGLE)).next();
        assertThat(BookingSaga.onPaymentSucceeded(expired).effect()).isEqualTo(BookingSaga.Effect.NONE);
        assertThat(BookingSaga.onCalendarEventCreated(expired).effect()).isEqualTo(BookingSaga.Effect.NONE);
    }

    @Test
    void a_refund_of_a_failed_booking_ends_it_refunded_and_a_repeat_changes_nothing() {
        SagaState paid = BookingSaga.onPaymentSucceeded(BookingSaga.start(BookingType.PAID_SINGLE)).next();
        SagaState failed = BookingSaga.onCalendarEventFailed(paid).next();
        SagaState refunded = BookingSaga.onPaymentRefunded(failed).next();
        assertThat(refunded.status()).isEqualTo(AppointmentStatus.REFUNDED);
        assertThat(refunded.payment()).isEqualTo(StepStatus.COMPENSATED);
        assertThat(BookingSaga.onPaymentRefunded(refunded).next()).isEqualTo(refunded);
    }

    @Test
    void a_confirmed_booking_is_cancelled_with_its_steps_kept() {
        SagaState confirmed = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE)).next();
        BookingSaga.Transition t = BookingSaga.onCancel(confirmed);
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.CANCEL);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(t.next().calendar()).isEqualTo(StepStatus.DONE);
    }

    @Test
    void a_pending_booking_cancelled_is_compensated_like_a_failure_but_ends_cancelled() {
        BookingSaga.Transition t = BookingSaga.onCancel(BookingSaga.start(BookingType.PAID_SINGLE));
        assertThat(t.effect()).isEqualTo(BookingSaga.Effect.RELEASE_AND_NOTIFY);
        assertThat(t.next().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(t.next().saga()).isEqualTo(SagaStatus.ABORTED);
    }

    @Test
    void a_cancelled_failed_or_refunded_booking_cannot_be_cancelled_and_late_reports_change_nothing() {
        SagaState cancelled = BookingSaga.onCancel(BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE)).next()).next();
        assertThat(BookingSaga.onCancel(cancelled).effect()).isEqualTo(BookingSaga.Effect.NONE);
        assertThat(BookingSaga.onCalendarEventCreated(cancelled).effect()).isEqualTo(BookingSaga.Effect.NONE);
        assertThat(BookingSaga.onPaymentSucceeded(cancelled).effect()).isEqualTo(BookingSaga.Effect.NONE);
        SagaState failed = BookingSaga.onPaymentFailed(BookingSaga.start(BookingType.PAID_SINGLE)).next();
        assertThat(BookingSaga.onCancel(failed).effect()).isEqualTo(BookingSaga.Effect.NONE);
    }
}
