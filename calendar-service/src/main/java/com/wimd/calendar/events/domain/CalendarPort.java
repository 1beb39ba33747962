package com.wimd.calendar.events.domain;

/** The coach's calendar. Implementations are blocking and idempotent per {@link SessionEvent#id()}. */
public interface CalendarPort {

    /** Which calendar this is, as stored with each event. */
    String provider();

    /**
     * Puts the event in the calendar; if an event with that id is already there, succeeds without a second one.
     *
     * @return the calendar's id for the event
     * @throws CalendarException when the calendar refuses or cannot be reached
     */
    String create(SessionEvent event);

    /**
     * Removes the event (a compensation: its booking failed, or it was cancelled). An event that is already gone is
     * not an error.
     *
     * @return true if it removed the event, false if there was nothing left to remove
     * @throws CalendarException when the calendar refuses or cannot be reached
     */
    boolean delete(String eventId);

    /**
     * Moves the event to a new time (a reschedule): the same event, so whoever was invited sees it move. An event
     * that is gone (the coach removed it by hand) is not an error: there is nothing to move.
     *
     * @return true if it moved the event, false if there was nothing to move
     * @throws CalendarException when the calendar refuses or cannot be reached
     */
    boolean move(String eventId, java.time.Instant start, java.time.Instant end);

    /**
     * The coach's busy times from {@code from} to {@code to}: what the calendar counts as busy (opaque events,
     * all-day and multi-day ones included; "free" events are not busy), this system's own session events too.
     *
     * @throws CalendarException when the calendar refuses or cannot be reached
     */
    java.util.List<BusyTime> busyTimes(java.time.Instant from, java.time.Instant to);

    class CalendarException extends RuntimeException implements com.wimd.support.messaging.TransientFailure {
        private final boolean transientFailure;

        public CalendarException(String message, boolean transientFailure, Throwable cause) {
            super(message, cause);
            this.transientFailure = transientFailure;
        }

        /** Whether trying again may succeed (timeouts, 5xx, 429) or not (a refusal). */
        @Override
        public boolean isTransient() {
            return transientFailure;
        }
    }
}
