package com.wimd.calendar.adapter.local;

import com.wimd.calendar.events.domain.CalendarPort;
import com.wimd.calendar.events.domain.SessionEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

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
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("""
                                    insert into local_calendar_events (id, booking_id, summary, description, start_at, end_at)
                                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (id) do nothing""")
                            .setParameter(1, event.id())
                            .setParameter(2, event.bookingId())
                            .setParameter(3, event.summary())
                            .setParameter(4, event.description())
                            .setParameter(5, event.start())
                            .setParameter(6, event.end())
                            .executeUpdate())));
            return event.id();
        } catch (Throwable e) {
            throw new CalendarException("local calendar unavailable: " + e.getMessage(), true, e);
        }
    }

    @Override
    public void delete(String eventId) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("delete from local_calendar_events where id = ?1")
                            .setParameter(1, eventId)
                            .executeUpdate())));
        } catch (Throwable e) {
            throw new CalendarException("local calendar unavailable: " + e.getMessage(), true, e);
        }
    }
}
