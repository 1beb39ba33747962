package com.wimd.calendar.busy.domain;

import com.wimd.events.BusyInterval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coach's busy times as booking-service needs them, as pure functions: without the sessions this system booked
 * itself (they already hold their slots), merged, and cut into the days of the coach's zone.
 */
public final class BusyDays {

    private BusyDays() {
    }

    /**
     * What is busy in {@code busy} and not covered by one of {@code own} (this system's own sessions). Google merges
     * adjacent busy periods, so an own session is cut out of a longer busy period rather than dropped with it.
     */
    public static List<BusyInterval> withoutOwn(List<BusyInterval> busy, List<BusyInterval> own) {
        List<BusyInterval> left = merge(busy);
        for (BusyInterval session : merge(own)) {
            List<BusyInterval> next = new ArrayList<>();
            for (BusyInterval b : left) {
                if (!session.end().isAfter(b.start()) || !session.start().isBefore(b.end())) {
                    next.add(b); // no overlap
                    continue;
                }
                if (b.start().isBefore(session.start())) {
                    next.add(new BusyInterval(b.start(), session.start()));
                }
                if (session.end().isBefore(b.end())) {
                    next.add(new BusyInterval(session.end(), b.end()));
                }
            }
            left = next;
        }
        return left;
    }

    /** Sorted, with overlapping or touching intervals joined. */
    public static List<BusyInterval> merge(List<BusyInterval> intervals) {
        List<BusyInterval> sorted = intervals.stream().filter(i -> i.start().isBefore(i.end()))
                .sorted(Comparator.comparing(BusyInterval::start)).toList();
        List<BusyInterval> merged = new ArrayList<>();
        for (BusyInterval i : sorted) {
            BusyInterval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !i.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new BusyInterval(last.start(), i.end().isAfter(last.end()) ? i.end() : last.end()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    /**
     * Each day from {@code first} to {@code last} (both included, in {@code zone}) with the busy times within it, cut at
     * its midnights: an all-day or multi-day busy time shows on every day it covers. A day with none has an empty list.
     */
    public static Map<LocalDate, List<BusyInterval>> byDay(List<BusyInterval> busy, ZoneId zone, LocalDate first, LocalDate last) {
        List<BusyInterval> merged = merge(busy);
        Map<LocalDate, List<BusyInterval>> days = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            List<BusyInterval> within = new ArrayList<>();
            for (BusyInterval b : merged) {
                if (b.end().isAfter(dayStart) && b.start().isBefore(dayEnd)) {
                    within.add(new BusyInterval(b.start().isBefore(dayStart) ? dayStart : b.start(),
                            b.end().isAfter(dayEnd) ? dayEnd : b.end()));
                }
            }
            days.put(day, List.copyOf(within));
        }
        return days;
    }
}
