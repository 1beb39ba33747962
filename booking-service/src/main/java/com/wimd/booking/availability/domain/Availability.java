package com.wimd.booking.availability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The open slots of a range of days: every start on the half-hour grid of the coach's zone that the booking rule
 * ({@link SlotPolicy#check(Instant, SlotRules, Instant)}) accepts and that no live booking holds. The same rule
 * accepts a booking, so every listed slot is bookable and every bookable slot is listed.
 */
public final class Availability {

    private static final java.time.Duration GRID = java.time.Duration.ofMinutes(30);

    private Availability() {
    }

    /** Open starts from {@code from} to {@code to} (coach-zone dates, both included), in time order. */
    public static List<Instant> open(LocalDate from, LocalDate to, SlotRules rules, Set<Instant> taken, Instant now) {
        List<Instant> open = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            // step through the day's instants, not its local times: a day with a clock change has 23 or 25 hours
            Instant start = day.atStartOfDay(rules.coachZone()).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(rules.coachZone()).toInstant();
            for (Instant t = start; t.isBefore(end); t = t.plus(GRID)) {
                if (!taken.contains(t) && SlotPolicy.check(t, rules, now).isEmpty()) {
                    open.add(t);
                }
            }
        }
        return open;
    }

    /** Whether the coach works that day at all: hours that weekday, and not blocked. */
    public static boolean isWorkingDay(LocalDate day, SlotRules rules) {
        ZonedDateTime noon = day.atTime(12, 0).atZone(rules.coachZone());
        return !rules.blockedDates().contains(day)
                && !rules.hours().windows().getOrDefault(noon.getDayOfWeek(), List.of()).isEmpty();
    }

    /**
     * The instant from which time alone can change what is open: the next grid start running out of {@code notice}
     * (a start S is open while now plus the notice is not after S), or the coach's next midnight (the horizon moves).
     * Before it, an answer computed at {@code now} stays exact, whatever the notice.
     */
    public static Instant nextChange(Instant now, java.time.Duration notice, java.time.ZoneId coachZone) {
        ZonedDateTime reach = now.plus(notice).atZone(coachZone);
        ZonedDateTime gridStart = reach.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plusMinutes(reach.getMinute() >= 30 ? 30 : 0);
        // a start S is open while now + notice <= S: the first start at or after now + notice is the next to close
        Instant nextStart = gridStart.toInstant().isBefore(reach.toInstant()) ? gridStart.toInstant().plus(GRID) : gridStart.toInstant();
        Instant closes = nextStart.minus(notice);
        Instant midnight = now.atZone(coachZone).toLocalDate().plusDays(1).atStartOfDay(coachZone).toInstant();
        return closes.isBefore(midnight) ? closes : midnight;
    }
}
