package com.wimd.events;

import java.time.Instant;
import java.util.UUID;

/**
 * How the last read of the coach's calendar went, after every attempt: when it was last read successfully (the busy
 * times are as of then), and, if this attempt failed, why. {@code alert} is set once per outage, when it has lasted
 * longer than calendar-service's alert threshold: the coach is told.
 *
 * @param lastSyncedAt the last successful read (null if there never was one)
 * @param reachable    whether this attempt read the calendar
 */
public record CoachCalendarSynced(Instant checkedAt, Instant lastSyncedAt, boolean reachable, String error,
                                  boolean alert) implements CoachCalendarEvent {

    /** All of these share one key: they are read in order. */
    public static final UUID KEY = CoachCalendarEvent.keyOf("coach-calendar");

    @Override
    public UUID correlationId() {
        return KEY;
    }
}
