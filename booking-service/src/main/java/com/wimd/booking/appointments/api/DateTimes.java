package com.wimd.booking.appointments.api;

import com.wimd.support.problem.ProblemType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the date-times clients send. */
public final class DateTimes {

    private DateTimes() {
    }

    /** Longer than any ISO-8601 date-time we read ({@code 2026-12-07T10:00:00.000000000-05:00} is 35). */
    static final int MAX_LENGTH = 40;
    /** Years a date-time may name at all; whether it can be booked is the slot rules' call (the horizon). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2999;

    /**
     * ISO-8601 with an offset, or a local date-time read in the coach's zone, between the years 2000 and 2999: an
     * instant outside them (year 300000, say) never goes further.
     */
    static Instant parse(String value, String field, ZoneId coachZone) {
        if (value == null || value.isBlank()) {
            throw ProblemType.VALIDATION.at(field, field + " is required");
        }
        String text = value.trim();
        if (text.length() > MAX_LENGTH) {
            throw unreadable(field);
        }
        OffsetDateTime read;
        try {
            read = OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw unreadable(field);
            }
            if (coachZone.getRules().getValidOffsets(local).isEmpty()) { // 02:30 on a spring-forward night: never shifted
                throw ProblemType.VALIDATION.at(field, field + " does not exist in " + coachZone.getId()
                        + ": the clocks change then");
            }
            read = local.atZone(coachZone).toOffsetDateTime();
        }
        if (read.getYear() < FIRST_YEAR || read.getYear() > LAST_YEAR) {
            throw ProblemType.VALIDATION.at(field, field + " must be a date-time between the years " + FIRST_YEAR
                    + " and " + LAST_YEAR);
        }
        return read.toInstant();
    }

    /**
     * A calendar date (the coach's zone is implied) such as 2027-01-11, within the years 2000 to 2999, or null if
     * {@code value} is absent or blank; anything else is a 400 naming {@code field}.
     */
    public static java.time.LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 10) {
            throw ProblemType.VALIDATION.at(field, field + " must be a date such as 2027-01-11");
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(value.trim());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw ProblemType.VALIDATION.at(field, field + " must be a date between the years 2000 and 2999");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemType.VALIDATION.at(field, field + " must be a date such as 2027-01-11");
        }
    }

    /** Longer than any IANA zone id ({@code America/Argentina/ComodRivadavia} is 32). */
    static final int MAX_ZONE_LENGTH = 64;
    /** The time-zone database's ids (ZoneId answers a fresh copy of them on every call). */
    private static final java.util.Set<String> ZONE_IDS = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());

    /**
     * The client's time zone: an IANA zone id as a browser names it ({@code Intl.DateTimeFormat().resolvedOptions()
     * .timeZone}, e.g. {@code Europe/Paris}), spelled exactly as the time-zone database does; null if {@code value} is
     * absent or blank. Offsets ({@code +05:00}, {@code UTC+5}) are not zones: they would put a summer session an hour
     * off. Anything else is a 400 naming {@code field}.
     */
    public static String zone(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String id = value.strip();
        if (id.length() > MAX_ZONE_LENGTH || !ZONE_IDS.contains(id)) {
            throw ProblemType.VALIDATION.at(field, field + " must be an IANA time zone such as America/Vancouver");
        }
        return id;
    }

    private static RuntimeException unreadable(String field) {
        return ProblemType.VALIDATION.at(field, field + " must be an ISO-8601 date-time such as 2026-12-07T10:00:00-05:00");
    }
}
