package com.wimd.calendar.busy.domain;

import com.wimd.events.BusyInterval;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BusyDaysTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    static BusyInterval at(String start, String end) {
        return new BusyInterval(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void our_own_session_is_cut_out_of_a_busy_period_google_merged_with_a_meeting_next_to_it() {
        List<BusyInterval> busy = List.of(at("2027-01-11T15:00:00Z", "2027-01-11T16:00:00Z"));
        List<BusyInterval> own = List.of(at("2027-01-11T15:00:00Z", "2027-01-11T15:30:00Z"));
        assertThat(BusyDays.withoutOwn(busy, own)).containsExactly(at("2027-01-11T15:30:00Z", "2027-01-11T16:00:00Z"));
    }

    @Test
    void a_busy_period_that_is_only_our_own_session_is_not_busy_and_one_inside_a_longer_one_splits_it() {
        assertThat(BusyDays.withoutOwn(List.of(at("2027-01-11T15:00:00Z", "2027-01-11T15:30:00Z")),
                List.of(at("2027-01-11T15:00:00Z", "2027-01-11T15:30:00Z")))).isEmpty();
        assertThat(BusyDays.withoutOwn(List.of(at("2027-01-11T14:00:00Z", "2027-01-11T17:00:00Z")),
                List.of(at("2027-01-11T15:00:00Z", "2027-01-11T15:30:00Z"))))
                .containsExactly(at("2027-01-11T14:00:00Z", "2027-01-11T15:00:00Z"), at("2027-01-11T15:30:00Z", "2027-01-11T17:00:00Z"));
    }

    @Test
    void overlapping_and_touching_busy_times_are_merged_in_order() {
        assertThat(BusyDays.merge(List.of(at("2027-01-11T16:00:00Z", "2027-01-11T17:00:00Z"),
                at("2027-01-11T14:00:00Z", "2027-01-11T15:00:00Z"), at("2027-01-11T15:00:00Z", "2027-01-11T16:30:00Z"))))
                .containsExactly(at("2027-01-11T14:00:00Z", "2027-01-11T17:00:00Z"));
    }

    @Test
    void a_multi_day_busy_time_shows_on_every_day_it_covers_cut_at_the_coachs_midnights() {
        // Friday 18:00 to Monday 09:00 Toronto (EST, UTC-5)
        Map<LocalDate, List<BusyInterval>> days = BusyDays.byDay(List.of(at("2027-01-08T23:00:00Z", "2027-01-11T14:00:00Z")),
                TORONTO, LocalDate.parse("2027-01-08"), LocalDate.parse("2027-01-12"));
        assertThat(days.get(LocalDate.parse("2027-01-08"))).containsExactly(at("2027-01-08T23:00:00Z", "2027-01-09T05:00:00Z"));
        assertThat(days.get(LocalDate.parse("2027-01-09"))).containsExactly(at("2027-01-09T05:00:00Z", "2027-01-10T05:00:00Z"));
        assertThat(days.get(LocalDate.parse("2027-01-11"))).containsExactly(at("2027-01-11T05:00:00Z", "2027-01-11T14:00:00Z"));
        assertThat(days.get(LocalDate.parse("2027-01-12"))).isEmpty();
        assertThat(days).hasSize(5);
    }

    @Test
    void an_all_day_busy_time_on_the_spring_forward_sunday_covers_its_23_hours() {
        // 2027-03-14 in Toronto: from 05:00Z (EST midnight) to 04:00Z next day (EDT midnight)
        Map<LocalDate, List<BusyInterval>> days = BusyDays.byDay(List.of(at("2027-03-14T05:00:00Z", "2027-03-15T04:00:00Z")),
                TORONTO, LocalDate.parse("2027-03-14"), LocalDate.parse("2027-03-15"));
        assertThat(days.get(LocalDate.parse("2027-03-14"))).containsExactly(at("2027-03-14T05:00:00Z", "2027-03-15T04:00:00Z"));
        assertThat(days.get(LocalDate.parse("2027-03-15"))).isEmpty();
    }
}
