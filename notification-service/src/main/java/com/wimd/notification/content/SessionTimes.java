package com.wimd.notification.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A session's time as a client reads it: in the coach's zone, with the zone's abbreviation. */
public final class SessionTimes {

    private static final DateTimeFormatter WITH_YEAR =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu 'at' h:mm a z", Locale.US);
    private static final DateTimeFormatter WITHOUT_YEAR =
            DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a z", Locale.US);

    private SessionTimes() {
    }

    /** "Monday, December 7, 2026 at 10:00 AM EST". */
    public static String full(Instant instant, ZoneId zone) {
        return format(WITH_YEAR, instant, zone);
    }

    /** "Monday, December 7 at 10:00 AM EST", short enough for a subject line. */
    public static String withoutYear(Instant instant, ZoneId zone) {
        return format(WITHOUT_YEAR, instant, zone);
    }

    private static String format(DateTimeFormatter formatter, Instant instant, ZoneId zone) {
        // Newer JDKs (CLDR 42+) put a narrow no-break space before AM/PM; mail clients and tests want a plain one.
        return formatter.format(instant.atZone(zone)).replace('\u202f', ' ');
    }
}
