package com.wimd.booking.timeline.messaging;

import com.wimd.booking.config.BookingConfig;
import com.wimd.booking.timeline.domain.TimelineSummaries;
import com.wimd.booking.timeline.persistence.TimelineEntry;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.db.Db;
import com.wimd.support.messaging.EventConsumers;
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

    public TimelineConsumer(EventConsumers events, BookingConfig config) {
        this.events = events;
        this.config = config;
    }

    @Incoming("timeline")
    public CompletionStage<Void> onEvent(Message<String> message) {
        return events.consume(message, EventPayload.class, this::record);
    }

    void record(EventEnvelope<EventPayload> event) {
        Db.transaction(() -> TimelineEntry.record(event.eventId(), event.correlationId(), event.eventType(),
                event.type().producer().service(), event.occurredAt(),
                TimelineSummaries.summary(event.payload(), config.coachZone())));
    }
}
