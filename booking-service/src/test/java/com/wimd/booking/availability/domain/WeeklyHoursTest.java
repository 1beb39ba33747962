package com.wimd.booking.availability.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyHoursTest {

    static TimeWindow w(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void windows_that_touch_do_not_overlap() {
        assertThat(WeeklyHours.firstOverlap(List.of(w("12:00", "17:00"), w("09:00", "12:00")))).isEmpty();
    }

    @Test
    void the_first_overlap_is_found_whatever_order_the_windows_come_in() {
        assertThat(WeeklyHours.firstOverlap(List.of(w("13:00", "15:00"), w("09:00", "12:00"), w("11:30", "12:30"))))
                .contains(List.of(w("09:00", "12:00"), w("11:30", "12:30")));
    }

    @Test
    void a_session_must_fit_in_one_window_of_its_day_in_the_coachs_zone() {
        WeeklyHours hours = new WeeklyHours(Map.of(DayOfWeek.TUESDAY, List.of(w("09:00", "12:00"), w("12:00", "13:00"))));
        ZoneId toronto = ZoneId.of("America/Toronto");
        Instant tuesdayEleven30 = Instant.parse("2027-01-12T16:30:00Z");
        Instant tuesdayNoonMinus15 = Instant.parse("2027-01-12T16:45:00Z");
        assertThat(hours.coversSession(tuesdayEleven30, Duration.ofMinutes(30), toronto)).isTrue();
        assertThat(hours.coversSession(tuesdayNoonMinus15, Duration.ofMinutes(30), toronto)).as("across two windows").isFalse();
        assertThat(hours.coversSession(tuesdayEleven30.plusSeconds(86400), Duration.ofMinutes(30), toronto)).as("wednesday").isFalse();
    }
}
