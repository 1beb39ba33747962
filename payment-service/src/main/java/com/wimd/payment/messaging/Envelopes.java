package com.wimd.payment.messaging;

import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.EventType;

import java.time.Instant;
import java.util.UUID;

/** Envelopes for events whose cause is known only by id (a stored request, a webhook acting on it later). */
public final class Envelopes {

    private Envelopes() {
    }

    public static <P extends EventPayload> EventEnvelope<P> causedBy(P payload, UUID causationId, Instant now) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), type.version(), now, payload.correlationId(),
                causationId, payload);
    }
}
