package com.wimd.booking.appointments.domain;

import com.wimd.events.BookingType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StepDeadlinesTest {

    static final StepDeadlines LIMITS = new StepDeadlines(Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofMinutes(30));
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static Instant after(Duration d) {
        return T0.plus(d);
    }

    @Test
    void an_unpaid_hold_expires_fifteen_minutes_after_the_request_and_not_a_moment_sooner() {
        SagaState unpaid = BookingSaga.start(BookingType.PAID_SINGLE);
        assertThat(LIMITS.overdue(unpaid, T0, after(Duration.ofSeconds(14 * 60 + 59)))).isEmpty();
        assertThat(LIMITS.overdue(unpaid, T0, after(Duration.ofMinutes(15)))).contains(StepDeadlines.PAYMENT_LATE);
    }

    @Test
    void the_calendar_step_of_a_free_or_package_booking_has_its_own_deadline() {
        for (BookingType type : new BookingType[] {BookingType.FREE, BookingType.PACKAGE}) {
            SagaState waiting = BookingSaga.start(type);
            assertThat(LIMITS.overdue(waiting, T0, after(Duration.ofMinutes(59)))).as(type.name()).isEmpty();
            assertThat(LIMITS.overdue(waiting, T0, after(Duration.ofMinutes(60)))).contains(StepDeadlines.CALENDAR_LATE);
        }
    }

    @Test
    void a_paid_booking_is_timed_from_its_payment_not_from_its_request() {
        SagaState paid = BookingSaga.onPaymentSucceeded(BookingSaga.start(BookingType.PAID_SINGLE)).next();
        Instant paidAt = after(Duration.ofMinutes(14));
        // a broker outage of 20 minutes after the payment: nowhere near the calendar step's hour
        assertThat(LIMITS.overdue(paid, paidAt, paidAt.plus(Duration.ofMinutes(20)))).isEmpty();
        assertThat(LIMITS.overdue(paid, paidAt, paidAt.plus(Duration.ofMinutes(60)))).contains(StepDeadlines.CALENDAR_LATE);
    }

    @Test
    void a_booking_in_the_calendar_waits_a_limited_time_for_the_report_of_its_payment() {
        SagaState inCalendar = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.PAID_SINGLE)).next();
        Instant calendarAt = after(Duration.ofMinutes(20)); // past the hold: the hold no longer applies
        assertThat(LIMITS.overdue(inCalendar, calendarAt, calendarAt.plus(Duration.ofMinutes(29)))).isEmpty();
        assertThat(LIMITS.overdue(inCalendar, calendarAt, calendarAt.plus(Duration.ofMinutes(30))))
                .contains(StepDeadlines.PAYMENT_REPORT_LATE);
    }

    @Test
    void a_settled_booking_has_no_deadline() {
        SagaState confirmed = BookingSaga.onCalendarEventCreated(BookingSaga.start(BookingType.FREE)).next();
        assertThat(LIMITS.overdue(confirmed, T0, after(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void the_reaper_asks_for_steps_begun_before_the_shortest_deadline() {
        assertThat(LIMITS.oldestStepThatMayBeOverdue(after(Duration.ofMinutes(15)))).isEqualTo(T0);
    }

    @Test
    void a_package_whose_payment_is_not_verified_in_time_has_failed() {
        assertThat(StepDeadlines.packagePaymentOverdue(T0, Duration.ofMinutes(30), after(Duration.ofMinutes(29)))).isFalse();
        assertThat(StepDeadlines.packagePaymentOverdue(T0, Duration.ofMinutes(30), after(Duration.ofMinutes(30)))).isTrue();
    }
}
