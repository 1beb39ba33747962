package com.wimd.booking.appointments.domain;

import com.wimd.booking.appointments.domain.ChangePolicy.Change;
import com.wimd.booking.appointments.domain.ChangePolicy.Quote;
import com.wimd.events.BookingType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePolicyTest {

    static final Instant START = Instant.parse("2027-01-11T15:00:00Z");

    @ParameterizedTest(name = "{0} {1}, {2} h ahead: fee {3}, refund {4}, credit back {5}, promo back {6}, charged {7}")
    @CsvSource({
            // change,     type,        hours ahead, fee,  refund, credit, promo, charged
            "CANCEL,      FREE,         48,           0,     0,     false, true,  false",
            "CANCEL,      FREE,         24,           0,     0,     false, true,  false",
            "CANCEL,      FREE,         23.99,        0,     0,     false, false, false",
            "CANCEL,      PAID_SINGLE,  48,           0,     15000, false, false, false",
            "CANCEL,      PAID_SINGLE,  24,           0,     15000, false, false, false",
            "CANCEL,      PAID_SINGLE,  23.99,        7500,  7500,  false, false, false",
            "CANCEL,      PAID_SINGLE,  1,            7500,  7500,  false, false, false",
            "CANCEL,      PACKAGE,      30,           0,     0,     true,  false, false",
            "CANCEL,      PACKAGE,      2,            8333,  0,     true,  false, true",
            "RESCHEDULE,  FREE,         2,            0,     0,     false, false, false",
            "RESCHEDULE,  PAID_SINGLE,  25,           0,     0,     false, false, false",
            "RESCHEDULE,  PAID_SINGLE,  5,            7500,  0,     false, false, true",
            "RESCHEDULE,  PACKAGE,      5,            8333,  0,     false, false, true",
    })
    void the_fee_table(Change change, BookingType type, double hoursAhead, long fee, long refund, boolean creditBack,
                       boolean promoBack, boolean charged) {
        Instant now = START.minusSeconds(Math.round(hoursAhead * 3600));
        Quote quote = ChangePolicy.quote(change, type, type == BookingType.PAID_SINGLE ? 15000 : 0, 50000, 3, START, now)
                .orElseThrow();
        assertThat(quote.feeMinor()).isEqualTo(fee);
        assertThat(quote.refundMinor()).isEqualTo(refund);
        assertThat(quote.creditBack()).isEqualTo(creditBack);
        assertThat(quote.promoUseBack()).isEqualTo(promoBack);
        assertThat(quote.feeCharged()).isEqualTo(charged);
        assertThat(quote.late()).isEqualTo(hoursAhead < 24);
    }

    @Test
    void one_package_session_is_a_third_of_the_package_rounded_down_and_half_of_it_rounded_down_again() {
        // 500.00 / 3 = 166.666... -> 166.66; half -> 83.33
        assertThat(ChangePolicy.quote(Change.CANCEL, BookingType.PACKAGE, 0, 50000, 3, START, START.minusSeconds(3600))
                .orElseThrow().feeMinor()).isEqualTo(8333);
    }

    @Test
    void a_session_that_has_started_or_ended_cannot_be_changed() {
        assertThat(ChangePolicy.quote(Change.CANCEL, BookingType.FREE, 0, 0, 3, START, START)).isEmpty();
        assertThat(ChangePolicy.quote(Change.RESCHEDULE, BookingType.PAID_SINGLE, 15000, 0, 3, START,
                START.plus(Duration.ofMinutes(40)))).isEmpty();
    }

    @Test
    void the_money_of_a_late_paid_cancellation_adds_up_to_what_was_paid() {
        Quote odd = ChangePolicy.quote(Change.CANCEL, BookingType.PAID_SINGLE, 15001, 0, 3, START, START.minusSeconds(60))
                .orElseThrow();
        assertThat(odd.feeMinor() + odd.refundMinor()).isEqualTo(15001);
        assertThat(odd.refundMinor()).as("the odd cent goes to the client").isEqualTo(7501);
    }

    @Test
    void the_coach_cancelling_is_always_in_the_clients_favour_even_an_hour_ahead() {
        Instant anHourAhead = START.minusSeconds(3600);
        Quote paid = ChangePolicy.quoteForCoach(BookingType.PAID_SINGLE, 15000, START, anHourAhead).orElseThrow();
        assertThat(paid.feeMinor()).isZero();
        assertThat(paid.refundMinor()).isEqualTo(15000);
        assertThat(paid.late()).isTrue();
        Quote bundle = ChangePolicy.quoteForCoach(BookingType.PACKAGE, 0, START, anHourAhead).orElseThrow();
        assertThat(bundle.creditBack()).isTrue();
        assertThat(bundle.feeCharged()).isFalse();
        assertThat(ChangePolicy.quoteForCoach(BookingType.FREE, 0, START, anHourAhead).orElseThrow().promoUseBack()).isTrue();
        assertThat(ChangePolicy.quoteForCoach(BookingType.FREE, 0, START, START)).isEmpty();
    }
}
