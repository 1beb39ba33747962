package com.wimd.events;

/**
 * An event about the coach's own calendar rather than one booking: its busy times, whether it can be read, the dates
 * the coach blocks.
 * Keyed by what it concerns (a day; the calendar itself), named as a UUID derived from it.
 */
public sealed interface CoachCalendarEvent extends EventPayload permits CoachBusyTimesChanged, CoachCalendarSynced, DateBlocked {

    /** The stable id of a name ("coach-busy:2026-12-07"): the same name, the same Kafka key and partition. */
    static java.util.UUID keyOf(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
