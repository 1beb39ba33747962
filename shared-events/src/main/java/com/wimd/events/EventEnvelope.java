package com.wimd.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on Kafka: metadata shared by all events around one payload.
 *
 * @param eventId       unique per event; consumers record it to ignore redeliveries
 * @param eventType     the payload's type name, e.g. {@code BookingRequested}
 * @param eventVersion  the version of the payload's wire format
 * @param occurredAt    when the emitting service decided it
 * @param correlationId the booking (or package) id: ties the saga together and is the Kafka key
 * @param causationId   the event that caused this one, null for a saga's first event
 */
public record EventEnvelope<P extends EventPayload>(
        UUID eventId,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        UUID correlationId,
        UUID causationId,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new event that starts a chain (no cause). */
    public static <P extends EventPayload> EventEnvelope<P> first(P payload, Instant now) {
        return caused(payload, null, now);
    }

    /** A new event caused by {@code cause} (its causation id). */
    public static <P extends EventPayload> EventEnvelope<P> causedBy(P payload, EventEnvelope<?> cause, Instant now) {
        return caused(payload, cause.eventId(), now);
    }

    private static <P extends EventPayload> EventEnvelope<P> caused(P payload, UUID causationId, Instant now) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.version(), now,
                payload.correlationId(), causationId, payload);
    }

    public EventType type() {
        return EventType.ofWireName(eventType);
    }

    /** The Kafka record key. */
    public String key() {
        return correlationId.toString();
    }
}
