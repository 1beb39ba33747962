package com.wimd.booking.availability.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a start time can be a session: in the future, no later than the horizon (the coach's today plus
 * {@code horizonDays}, both in the coach's zone), on the half-hour grid of the coach's zone, wholly inside the
 * coach's hours that day, not on a blocked date, and clear of the coach's busy times. Whether it is already taken is
 * the database's call (a unique index), not this rule's.
 */
public final class SlotPolicy {

    private SlotPolicy() {
    }

    /**
     * The one rule of a bookable start, used both to list open slots ({@link Availability}) and to accept a booking:
     * the first problem with it, or empty. Whether it is taken is checked against the bookings beside it.
     */
    public static Optional<SlotProblem> check(Instant start, SlotRules rules, Instant now) {
        Duration length = rules.length();
        WeeklyHours hours = rules.hours();
        Set<LocalDate> blockedDates = rules.blockedDates();
        ZoneId coachZone = rules.coachZone();
        int horizonDays = rules.horizonDays();
        if (!start.isAfter(now)) {
            return Optional.of(SlotProblem.IN_THE_PAST);
        }
        ZonedDateTime local = start.atZone(coachZone);
        if (local.toLocalDate().isAfter(lastBookableDate(now, coachZone, horizonDays))) {
            return Optional.of(SlotProblem.BEYOND_THE_HORIZON);
        }
        if (local.getSecond() != 0 || local.getNano() != 0 || local.getMinute() % 30 != 0) {
            return Optional.of(SlotProblem.NOT_ON_THE_GRID);
        }
        if (!hours.coversSession(start, length, coachZone)) {
            return Optional.of(SlotProblem.OUTSIDE_COACH_HOURS);
        }
        if (blockedDates.contains(local.toLocalDate())) {
            return Optional.of(SlotProblem.DATE_BLOCKED);
        }
        if (rules.busy().overlaps(start, start.plus(length))) {
            return Optional.of(SlotProblem.COACH_BUSY);
        }
        if (start.isBefore(now.plus(rules.notice()))) {
            return Optional.of(SlotProblem.TOO_LITTLE_NOTICE);
        }
        return Optional.empty();
    }

    /** The last date (in the coach's zone) a session may be on: today there plus the horizon. */
    public static LocalDate lastBookableDate(Instant now, ZoneId coachZone, int horizonDays) {
        return now.atZone(coachZone).toLocalDate().plusDays(horizonDays);
    }

    /** The coach-zone date of a start, to look up blocked dates. */
    public static LocalDate coachDate(Instant start, ZoneId coachZone) {
        return start.atZone(coachZone).toLocalDate();
    }
}
