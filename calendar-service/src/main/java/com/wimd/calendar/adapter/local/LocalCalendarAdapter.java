package com.wimd.calendar.adapter.local;

import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.SessionEvent;
import com.wimd.support.db.Db;

/**
 * The coach's calendar kept in this service's own database, for running without Google keys.
 * Idempotent like Google: a second insert with the same id is a no-op.
 */
public class LocalCalendarAdapter implements CalendarPort {

    @Override
    public String provider() {
        return "LOCAL";
    }

    @Override
    public String create(SessionEvent event) {
        try {
            Db.transaction(() -> Db.execute("""
                            insert into local_calendar_events (id, booking_id, summary, description, start_at, end_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (id) do nothing""",
                    event.id(), event.bookingId(), event.summary(), event.description(), event.start(), event.end()));
            return event.id();
        } catch (RuntimeException e) {
            throw new CalendarException("local calendar unavailable: " + e.getMessage(), true, e);
        }
    }

    @Override
    public boolean delete(String eventId) {
        try {
            return Db.transaction(() -> Db.execute("delete from local_calendar_events where id = ?1", eventId)) > 0;
        } catch (RuntimeException e) {
            throw new CalendarException("local calendar unavailable: " + e.getMessage(), true, e);
        }
    }

    @Override
    public boolean move(String eventId, java.time.Instant start, java.time.Instant end) {
        try {
            return Db.transaction(() -> Db.execute("update local_calendar_events set start_at = ?1, end_at = ?2 where id = ?3",
                    start, end, eventId)) > 0;
        } catch (RuntimeException e) {
            throw new CalendarException("local calendar unavailable: " + e.getMessage(), true, e);
        }
    }

    /**
     * The local calendar holds only this system's own sessions, and those are not busy times of their own (the
     * bookings already hold their slots): nothing else is busy.
     */
    @Override
    public java.util.List<com.wimd.calendar.events.domain.BusyTime> busyTimes(java.time.Instant from, java.time.Instant to) {
        return java.util.List.of();
    }
}
