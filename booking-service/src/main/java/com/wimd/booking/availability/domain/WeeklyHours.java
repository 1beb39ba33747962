package com.wimd.booking.availability.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** When the coach takes calls, per day of the week, in the coach's zone. */
public record WeeklyHours(Map<DayOfWeek, List<TimeWindow>> windows) {

    public WeeklyHours {
        windows = Map.copyOf(new EnumMap<>(windows.isEmpty() ? Map.of(DayOfWeek.MONDAY, List.of()) : windows));
    }

    /**
     * Whether a session starting at {@code start} lies inside one window of its day in {@code zone}: the rule for
     * booking, and for finding the bookings that new hours leave outside.
     */
    public boolean coversSession(java.time.Instant start, java.time.Duration length, java.time.ZoneId zone) {
        java.time.ZonedDateTime local = start.atZone(zone);
        java.time.ZonedDateTime end = local.plus(length);
        return end.toLocalDate().equals(local.toLocalDate())
                && covers(local.getDayOfWeek(), local.toLocalTime(), end.toLocalTime());
    }

    /**
     * The first two windows of a day that overlap (touching is fine: 09:00-12:00 and 12:00-17:00), or empty.
     */
    public static java.util.Optional<List<TimeWindow>> firstOverlap(List<TimeWindow> day) {
        List<TimeWindow> sorted = day.stream().sorted(java.util.Comparator.comparing(TimeWindow::start)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                return java.util.Optional.of(List.of(sorted.get(i - 1), sorted.get(i)));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether a call from {@code from} to {@code to} on that day lies inside one window. */
    public boolean covers(DayOfWeek day, LocalTime from, LocalTime to) {
        return windows.getOrDefault(day, List.of()).stream().anyMatch(w -> w.contains(from, to));
    }
}
