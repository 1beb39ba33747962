package com.wimd.support.inbox;

import com.wimd.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Records which events a consumer has handled, so a redelivered event has no second effect. */
@ApplicationScoped
public class Inbox {

    /**
     * Records the event as handled by {@code consumer}, in the caller's transaction.
     *
     * @return true the first time; false if it was handled before (the caller then does nothing)
     */
    public Uni<Boolean> firstDelivery(EventEnvelope<?> envelope, String consumer) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into inbox (event_id, consumer, event_type) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, envelope.eventId())
                .setParameter(2, consumer)
                .setParameter(3, envelope.eventType())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
