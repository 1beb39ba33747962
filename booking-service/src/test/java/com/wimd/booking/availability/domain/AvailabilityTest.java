package com.wimd.booking.availability.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityTest {

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    static final Duration HALF_HOUR = Duration.ofMinutes(30);

    static WeeklyHours nineToFive(DayOfWeek... days) {
        Map<DayOfWeek, List<TimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : days) {
            hours.put(d, List.of(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(17, 0))));
        }
        return new WeeklyHours(hours);
    }

    static final WeeklyHours WEEKDAYS = nineToFive(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    static SlotRules rules(WeeklyHours hours, Set<LocalDate> blocked, Duration notice, int horizonDays) {
        return new SlotRules(hours, blocked, TORONTO, HALF_HOUR, notice, horizonDays);
    }

    @Test
    void over_ninety_days_the_listed_slots_are_exactly_the_starts_the_booking_rule_accepts() {
        Instant now = Instant.parse("2026-12-01T15:07:00Z");
        Random random = new Random(42);
        Set<LocalDate> blocked = Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 4), LocalDate.of(2027, 2, 15));
        LocalDate from = LocalDate.of(2026, 11, 25); // a few past days too
        LocalDate to = LocalDate.of(2027, 3, 5);     // and a few beyond the horizon
        // busy times of every shape: a quarter hour off the grid, an hour and a half, a whole weekday, several days
        List<com.wimd.events.BusyInterval> busy = new ArrayList<>();
        for (Instant t = from.atStartOfDay(TORONTO).toInstant(); t.isBefore(to.atStartOfDay(TORONTO).toInstant());
             t = t.plus(Duration.ofHours(7 + random.nextInt(40)))) {
            Duration length = switch (random.nextInt(4)) {
                case 0 -> Duration.ofMinutes(15);
                case 1 -> Duration.ofMinutes(90);
                case 2 -> Duration.ofDays(1);
                default -> Duration.ofDays(3);
            };
            Instant start = t.plus(Duration.ofMinutes(5L * random.nextInt(12)));
            busy.add(new com.wimd.events.BusyInterval(start, start.plus(length)));
        }
        SlotRules rules = new SlotRules(WEEKDAYS, blocked, TORONTO, HALF_HOUR, Duration.ofHours(24), 90, new BusyTimes(busy));
        Set<Instant> taken = new HashSet<>();
        for (Instant t = from.atStartOfDay(TORONTO).toInstant(); t.isBefore(to.plusDays(1).atStartOfDay(TORONTO).toInstant());
             t = t.plus(HALF_HOUR)) {
            if (random.nextInt(5) == 0) {
                taken.add(t);
            }
        }

        List<Instant> listed = Availability.open(from, to, rules, taken, now);

        List<Instant> accepted = new ArrayList<>();
        for (Instant t = from.atStartOfDay(TORONTO).toInstant(); t.isBefore(to.plusDays(1).atStartOfDay(TORONTO).toInstant());
             t = t.plus(Duration.ofMinutes(5))) {
            if (!taken.contains(t) && SlotPolicy.check(t, rules, now).isEmpty()) {
                accepted.add(t);
            }
        }
        assertThat(listed).isEqualTo(accepted).isNotEmpty();
        assertThat(listed).noneMatch(taken::contains);
        assertThat(listed).allMatch(t -> !t.isBefore(now.plus(Duration.ofHours(24))));
        assertThat(listed).noneMatch(t -> blocked.contains(t.atZone(TORONTO).toLocalDate()));
        assertThat(listed).noneMatch(t -> busy.stream().anyMatch(b -> b.start().isBefore(t.plus(HALF_HOUR)) && t.isBefore(b.end())));
        assertThat(listed.get(listed.size() - 1).atZone(TORONTO).toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void a_free_session_needs_only_its_shorter_notice() {
        Instant now = Instant.parse("2026-12-07T14:10:00Z"); // Monday 09:10 in Toronto
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<Instant> free = Availability.open(monday, monday, rules(WEEKDAYS, Set.of(), Duration.ofHours(2), 90), Set.of(), now);
        List<Instant> paid = Availability.open(monday, monday, rules(WEEKDAYS, Set.of(), Duration.ofHours(24), 90), Set.of(), now);
        assertThat(free.get(0)).isEqualTo(Instant.parse("2026-12-07T16:30:00Z")); // 11:30, the first start 2 h on
        assertThat(paid).isEmpty();
    }

    static Instant firstSlot(LocalDate day, WeeklyHours hours) {
        Instant now = Instant.parse("2026-10-01T12:00:00Z");
        return Availability.open(day, day, rules(hours, Set.of(), Duration.ZERO, 400), Set.of(), now).get(0);
    }

    @Test
    void around_the_spring_change_nine_oclock_moves_from_14_to_13_utc() {
        assertThat(firstSlot(LocalDate.of(2027, 3, 12), WEEKDAYS)).isEqualTo(Instant.parse("2027-03-12T14:00:00Z"));
        assertThat(firstSlot(LocalDate.of(2027, 3, 15), WEEKDAYS)).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
    }

    @Test
    void around_the_fall_change_nine_oclock_moves_from_13_to_14_utc() {
        assertThat(firstSlot(LocalDate.of(2026, 10, 30), WEEKDAYS)).isEqualTo(Instant.parse("2026-10-30T13:00:00Z"));
        assertThat(firstSlot(LocalDate.of(2026, 11, 2), WEEKDAYS)).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
    }

    @Test
    void on_the_change_day_itself_a_sunday_schedule_starts_at_nine_local() {
        WeeklyHours sundays = nineToFive(DayOfWeek.SUNDAY);
        assertThat(firstSlot(LocalDate.of(2027, 3, 14), sundays)).isEqualTo(Instant.parse("2027-03-14T13:00:00Z"));
        assertThat(firstSlot(LocalDate.of(2026, 11, 1), sundays)).isEqualTo(Instant.parse("2026-11-01T14:00:00Z"));
        Instant now = Instant.parse("2026-10-01T12:00:00Z");
        LocalDate change = LocalDate.of(2027, 3, 14);
        assertThat(Availability.open(change, change, rules(sundays, Set.of(), Duration.ZERO, 400), Set.of(), now))
                .hasSize(16).allMatch(t -> t.atZone(TORONTO).getMinute() % 30 == 0);
    }

    @Test
    void a_blocked_or_hourless_day_is_not_a_working_day() {
        SlotRules rules = rules(WEEKDAYS, Set.of(LocalDate.of(2026, 12, 8)), Duration.ZERO, 90);
        assertThat(Availability.isWorkingDay(LocalDate.of(2026, 12, 7), rules)).isTrue();
        assertThat(Availability.isWorkingDay(LocalDate.of(2026, 12, 8), rules)).isFalse();
        assertThat(Availability.isWorkingDay(LocalDate.of(2026, 12, 12), rules)).isFalse();
    }

    @Test
    void an_answer_stays_exact_until_the_next_start_runs_out_of_notice_whatever_the_notice() {
        Instant now = Instant.parse("2026-12-01T15:07:00Z"); // 10:07 in Toronto
        assertThat(Availability.nextChange(now, Duration.ofHours(24), TORONTO)).isEqualTo(Instant.parse("2026-12-01T15:30:00Z"));
        assertThat(Availability.nextChange(now, Duration.ofMinutes(45), TORONTO)).isEqualTo(Instant.parse("2026-12-01T15:15:00Z"));
        // exactly when a start is reached it is still open, and closes at once
        assertThat(Availability.nextChange(Instant.parse("2026-12-01T14:45:00Z"), Duration.ofMinutes(45), TORONTO))
                .isEqualTo(Instant.parse("2026-12-01T14:45:00Z"));
        assertThat(Availability.nextChange(Instant.parse("2026-12-01T15:31:00Z"), Duration.ofHours(2), TORONTO))
                .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        // just before the coach's midnight, the horizon moves first
        assertThat(Availability.nextChange(Instant.parse("2026-12-02T04:50:00Z"), Duration.ofMinutes(15), TORONTO))
                .isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));
    }

    @Test
    void nothing_that_time_alone_changes_changes_before_the_next_change() {
        SlotRules rules = rules(WEEKDAYS, Set.of(), Duration.ofMinutes(45), 90);
        LocalDate from = LocalDate.of(2026, 12, 1);
        LocalDate to = LocalDate.of(2026, 12, 4);
        for (Instant now = Instant.parse("2026-12-01T13:00:00Z"); now.isBefore(Instant.parse("2026-12-02T06:00:00Z"));
             now = now.plus(Duration.ofMinutes(7))) {
            Instant next = Availability.nextChange(now, rules.notice(), TORONTO);
            assertThat(next).isAfterOrEqualTo(now);
            if (next.isAfter(now)) {
                assertThat(Availability.open(from, to, rules, Set.of(), next.minusNanos(1)))
                        .as("at " + now).isEqualTo(Availability.open(from, to, rules, Set.of(), now));
            }
        }
    }
}
