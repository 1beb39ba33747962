package com.wimd.booking.appointments.api;

import com.wimd.support.problem.ProblemType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the date-times clients send. */
final class DateTimes {

    private DateTimes() {
    }

    /** ISO-8601 with an offset, or a local date-time read in the coach's zone. */
    static Instant parse(String value, String field, ZoneId coachZone) {
        if (value == null || value.isBlank()) {
            throw ProblemType.VALIDATION.at(field, field + " is required");
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.trim()).atZone(coachZone).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemType.VALIDATION.at(field, field + " must be an ISO-8601 date-time such as 2026-12-07T10:00:00-05:00");
            }
        }
    }
}
