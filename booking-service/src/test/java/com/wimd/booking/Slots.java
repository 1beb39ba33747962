package com.wimd.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** Hands out distinct future slots inside the coach's seeded hours (Mon-Fri 09:00-17:00 Toronto). */
public final class Slots {

    public static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final int PER_DAY = 16; // 09:00 .. 16:30

    private Slots() {
    }

    public static ZonedDateTime next() {
        int n = NEXT.getAndIncrement();
        LocalDate day = workingDay(n / PER_DAY);
        return ZonedDateTime.of(day, LocalTime.of(9, 0).plusMinutes(30L * (n % PER_DAY)), TORONTO);
    }

    /** The k-th working day from two weeks ahead (leaving the first week for other tests). */
    public static LocalDate workingDay(int k) {
        LocalDate day = LocalDate.now(TORONTO).plusDays(14);
        int seen = -1;
        while (true) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && ++seen == k) {
                return day;
            }
            day = day.plusDays(1);
        }
    }

    /** A Saturday at 10:00, outside the coach's hours. */
    public static ZonedDateTime saturday() {
        LocalDate day = LocalDate.now(TORONTO).plusDays(7);
        while (day.getDayOfWeek() != DayOfWeek.SATURDAY) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, LocalTime.of(10, 0), TORONTO);
    }
}
