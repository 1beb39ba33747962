package com.wimd.booking.availability.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * What decides whether a start time can be booked, besides whether it is taken: the coach's weekly hours and
 * blocked dates, the coach's zone, a session's length, the notice this kind of session needs, the horizon, and the
 * coach's busy times from their calendar.
 */
public record SlotRules(WeeklyHours hours, Set<LocalDate> blockedDates, ZoneId coachZone, Duration length,
                        Duration notice, int horizonDays, BusyTimes busy) {

    /** Without busy times (a calendar with nothing in it). */
    public SlotRules(WeeklyHours hours, Set<LocalDate> blockedDates, ZoneId coachZone, Duration length, Duration notice,
                     int horizonDays) {
        this(hours, blockedDates, coachZone, length, notice, horizonDays, BusyTimes.NONE);
    }
}
