package com.wimd.booking.timeline.messaging;

import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.timeline.domain.TimelineSummaries;
import com.wimd.booking.timeline.persistence.TimelineEntry;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.db.Db;
import com.wimd.support.messaging.EventConsumers;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Builds each booking's timeline from the events themselves: one channel reads every topic of a booking's (or a
 * package's) saga, from all four services, in its own consumer group ({@code booking-timeline}), and records each
 * event once with a one-line summary. Nothing asks another service's database.
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

    @Incoming("timeline")
    public CompletionStage<Void> onEvent(Message<String> message) {
        return events.consume(message, EventPayload.class, this::record);
    }

    void record(EventEnvelope<EventPayload> event) {
        Db.onPool(TimelineEntry.record(pool, event.eventId(), event.correlationId(), event.eventType(),
                event.type().producer().service(), event.occurredAt(),
                TimelineSummaries.summary(event.payload(), config.coachZone())));
    }
}
