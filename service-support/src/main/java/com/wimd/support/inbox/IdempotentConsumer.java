package com.wimd.support.inbox;

import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.db.Db;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * Runs a consumer's effect at most once per event: the inbox record and the effect (state changes and
 * outbox rows) share one transaction. Called from handlers that {@link com.wimd.support.messaging.EventConsumers}
 * runs (and retries: a failed transaction leaves no inbox record, so the retry runs the effect again).
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;

    public IdempotentConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Runs the effect in one transaction with the inbox record, unless {@code consumer} handled the event before.
     *
     * @return true if the effect ran, false if the event had been handled before
     */
    public <P extends EventPayload> boolean handleOnce(EventEnvelope<P> envelope, String consumer,
                                                        Function<EventEnvelope<P>, Uni<Void>> effect) {
        return Db.transaction(() -> inbox.firstDelivery(envelope, consumer).chain(first -> {
            if (!first) {
                LOG.debugf("%s already handled %s %s", consumer, envelope.eventType(), envelope.eventId());
                return Uni.createFrom().item(false);
            }
            return effect.apply(envelope).replaceWith(true);
        }));
    }

    /** Whether this consumer has handled the event already (before a slow external call, say). */
    public boolean alreadyHandled(EventEnvelope<?> envelope, String consumer) {
        return Db.session(() -> Db.count("select count(*) from inbox where event_id = ?1 and consumer = ?2",
                envelope.eventId(), consumer)) > 0;
    }
}
