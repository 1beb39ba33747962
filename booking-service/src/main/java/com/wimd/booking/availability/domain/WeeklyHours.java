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

    /** Whether a call from {@code from} to {@code to} on that day lies inside one window. */
    public boolean covers(DayOfWeek day, LocalTime from, LocalTime to) {
        return windows.getOrDefault(day, List.of()).stream().anyMatch(w -> w.contains(from, to));
    }
}
