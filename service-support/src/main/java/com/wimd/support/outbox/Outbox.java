package com.wimd.support.outbox;

import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.support.tracing.Tracing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a service puts the events it emits. Call it inside the transaction that changes the state the
 * event describes: both commit or neither does, so no event is lost and none is sent for a rolled-back change.
 */
@ApplicationScoped
public class Outbox {

    private final Tracing tracing;

    public Outbox(Tracing tracing) {
        this.tracing = tracing;
    }

    public Uni<Void> add(EventEnvelope<?> envelope) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.eventType = envelope.eventType();
        row.topic = envelope.type().topic();
        row.messageKey = envelope.key();
        row.payload = EventCodec.encode(envelope);
        row.occurredAt = envelope.occurredAt();
        row.traceParent = tracing.currentTraceParent();
        return row.persist().replaceWithVoid();
    }
}
