package com.wimd.booking.timeline.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** One event of a booking's saga, as the timeline shows it. */
@Entity
@Table(name = "booking_timeline")
public class TimelineEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String service;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public String summary;

    /** An event as the timeline records it. */
    public record Row(UUID eventId, UUID bookingId, String eventType, String service, Instant occurredAt, String summary) {
    }

    /**
     * Records each event once, in the order given: a redelivery finds it there and changes nothing. One batch of
     * statements on the pool, committed on its own: the timeline reads every event of every saga, and a Hibernate
     * session and transaction around each insert cost several times the insert.
     */
    public static Uni<Void> record(Pool pool, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                        insert into booking_timeline (event_id, booking_id, event_type, service, occurred_at, summary)
                        values ($1, $2, $3, $4, $5, $6) on conflict (event_id) do nothing""")
                .executeBatch(rows.stream().map(row -> Tuple.of(row.eventId(), row.bookingId(), row.eventType(),
                        row.service(), OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC), row.summary())).toList())
                .replaceWithVoid();
    }

    /** A booking's events in the order they happened (ties in the order they arrived). */
    public static Uni<List<TimelineEntry>> of(UUID bookingId) {
        return list("bookingId = ?1 order by occurredAt, seq", bookingId);
    }
}
