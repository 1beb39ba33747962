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
}
