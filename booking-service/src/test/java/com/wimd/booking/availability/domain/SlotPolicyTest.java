package com.wimd.booking.availability.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPolicyTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final int HORIZON_DAYS = 90;
    static final WeeklyHours NINE_TO_FIVE_WEEKDAYS;

    static {
        Map<DayOfWeek, List<TimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, List.of(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        NINE_TO_FIVE_WEEKDAYS = new WeeklyHours(hours);
    }

    /** The rules of these tests: weekday hours, 30-minute sessions, no notice (notice is AvailabilityTest's). */
    static SlotRules rules(Set<LocalDate> blocked, int horizonDays) {
        return new SlotRules(NINE_TO_FIVE_WEEKDAYS, blocked, TORONTO, HALF_HOUR, Duration.ZERO, horizonDays);
    }

    static Optional<SlotProblem> check(String localDateTime, Set<LocalDate> blocked) {
        Instant start = ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), TORONTO).toInstant();
        return SlotPolicy.check(start, rules(blocked, HORIZON_DAYS), NOW);
    }

    @Test
    void a_weekday_half_hour_inside_the_coach_hours_is_bookable() {
        assertThat(check("2026-12-07T09:00", Set.of())).isEmpty();
        assertThat(check("2026-12-07T16:30", Set.of())).isEmpty();
    }

    @Test
    void a_session_may_be_booked_up_to_the_last_day_of_the_horizon_and_not_after() {
        // today in Toronto is 2026-12-01; 90 days on is Monday 2027-03-01
        assertThat(SlotPolicy.lastBookableDate(NOW, TORONTO, HORIZON_DAYS)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(check("2027-03-01T16:30", Set.of())).isEmpty();
        assertThat(check("2027-03-02T09:00", Set.of())).contains(SlotProblem.BEYOND_THE_HORIZON);
        assertThat(check("2029-01-08T10:00", Set.of())).contains(SlotProblem.BEYOND_THE_HORIZON);
    }

    @Test
    void the_horizon_counts_from_the_coachs_today_not_utcs() {
        Instant lateEveningInToronto = Instant.parse("2026-12-02T04:30:00Z"); // 23:30 on 12-01 in Toronto
        assertThat(SlotPolicy.lastBookableDate(lateEveningInToronto, TORONTO, HORIZON_DAYS)).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void the_last_slot_must_end_by_closing_time() {
        assertThat(check("2026-12-07T17:00", Set.of())).contains(SlotProblem.OUTSIDE_COACH_HOURS);
        assertThat(check("2026-12-07T08:30", Set.of())).contains(SlotProblem.OUTSIDE_COACH_HOURS);
    }

    @Test
    void weekends_are_outside_the_coach_hours() {
        assertThat(check("2026-12-05T10:00", Set.of())).contains(SlotProblem.OUTSIDE_COACH_HOURS);
    }

    @Test
    void a_start_off_the_half_hour_grid_is_refused() {
        assertThat(check("2026-12-07T10:15", Set.of())).contains(SlotProblem.NOT_ON_THE_GRID);
    }

    @Test
    void the_past_and_the_present_are_refused() {
        assertThat(SlotPolicy.check(NOW, rules(Set.of(), HORIZON_DAYS), NOW))
                .contains(SlotProblem.IN_THE_PAST);
    }

    @Test
    void a_blocked_date_in_the_coach_zone_is_refused() {
        assertThat(check("2026-12-07T10:00", Set.of(LocalDate.parse("2026-12-07")))).contains(SlotProblem.DATE_BLOCKED);
    }

    @Test
    void nine_oclock_stays_nine_oclock_local_across_daylight_saving() {
        // 09:00 in Toronto is 14:00 UTC in winter and 13:00 UTC in summer; both are the first slot.
        Instant winter = Instant.parse("2027-01-11T14:00:00Z");
        Instant summer = Instant.parse("2027-07-12T13:00:00Z");
        assertThat(SlotPolicy.check(winter, rules(Set.of(), 365), NOW)).isEmpty();
        assertThat(SlotPolicy.check(summer, rules(Set.of(), 365), NOW)).isEmpty();
        assertThat(SlotPolicy.check(summer.minusSeconds(3600), rules(Set.of(), 365), NOW))
                .contains(SlotProblem.OUTSIDE_COACH_HOURS);
    }

    @Test
    void a_session_overlapping_a_busy_time_in_the_coachs_calendar_cannot_be_booked_but_one_touching_it_can() {
        Instant ten = LocalDateTime.parse("2026-12-14T10:00").atZone(TORONTO).toInstant();
        BusyTimes busy = new BusyTimes(java.util.List.of(new com.wimd.events.BusyInterval(ten.plusSeconds(15 * 60), ten.plusSeconds(60 * 60))));
        SlotRules rules = new SlotRules(NINE_TO_FIVE_WEEKDAYS, Set.of(), TORONTO, HALF_HOUR, Duration.ofHours(24), HORIZON_DAYS, busy);
        assertThat(SlotPolicy.check(ten, rules, NOW)).contains(SlotProblem.COACH_BUSY);                // 10:00-10:30 overlaps 10:15
        assertThat(SlotPolicy.check(ten.plusSeconds(1800), rules, NOW)).contains(SlotProblem.COACH_BUSY); // 10:30-11:00
        assertThat(SlotPolicy.check(ten.plusSeconds(3600), rules, NOW)).isEmpty();                     // 11:00, where it ends
        assertThat(SlotPolicy.check(ten.minusSeconds(1800), rules, NOW)).isEmpty();                    // 09:30-10:00
    }
}
