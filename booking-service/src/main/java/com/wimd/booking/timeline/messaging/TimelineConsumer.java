package com.wimd.booking.timeline.messaging;

import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.timeline.domain.TimelineSummaries;
import com.wimd.booking.timeline.persistence.TimelineEntry;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.db.Db;
import com.wimd.support.messaging.EventConsumers;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Builds each booking's timeline from the events themselves: one channel reads every topic of a booking's (or a
 * package's) saga, from all four services, in its own consumer group ({@code booking-timeline}), and records each
 * event once with a one-line summary, a poll's worth of events at a time. Nothing asks another service's database.
 */
@ApplicationScoped
public class TimelineConsumer {

    private final EventConsumers events;
    private final BookingConfig config;
    private final Pool pool;

    public TimelineConsumer(EventConsumers events, BookingConfig config, Pool pool) {
        this.events = events;
        this.config = config;
        this.pool = pool;
    }

    /** The events of one poll are recorded with one statement; see {@link EventConsumers#consumeBatch}. */
    @Incoming("timeline")
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return events.consumeBatch(batch, EventPayload.class, this::recordAll, this::record);
    }

    void recordAll(List<EventEnvelope<EventPayload>> events) {
        Db.onPool(TimelineEntry.record(pool, events.stream().map(this::entry).toList()));
    }

    void record(EventEnvelope<EventPayload> event) {
        recordAll(List.of(event));
    }

    private TimelineEntry.Row entry(EventEnvelope<EventPayload> event) {
        return new TimelineEntry.Row(event.eventId(), event.correlationId(), event.eventType(),
                event.type().producer().service(), event.occurredAt(),
                TimelineSummaries.summary(event.payload(), config.coachZone()));
    }
}
