package com.wimd.notification.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A session's time as a client reads it: in a given zone, with the zone's abbreviation. */
public final class SessionTimes {

    private static final DateTimeFormatter WITH_YEAR =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu 'at' h:mm a z", Locale.US);
    private static final DateTimeFormatter WITHOUT_YEAR =
            DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a z", Locale.US);

    private SessionTimes() {
    }

    /**
     * A session's time for its client: in the client's zone and in the coach's.
     *
     * @param yours   in the client's zone (the coach's when the client's is unknown)
     * @param coachs  in the coach's zone
     * @param oneZone both read the same (no client zone, or one that tells the same time): show it once
     */
    public record When(String yours, String coachs, boolean oneZone) {

        public static When of(Instant instant, ZoneId clientZone, ZoneId coachZone) {
            String yours = full(instant, clientZone);
            String coachs = full(instant, coachZone);
            return new When(yours, coachs, yours.equals(coachs));
        }
    }

    /**
     * The zone to show a client their times in: theirs as the booking page sent it (an IANA id), or the coach's when it
     * is missing or not a zone.
     */
    public static ZoneId clientZone(String zoneId, ZoneId coachZone) {
        if (zoneId == null || zoneId.isBlank()) {
            return coachZone;
        }
        try {
            return ZoneId.of(zoneId.strip());
        } catch (DateTimeException e) {
            return coachZone;
        }
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
