package com.wimd.support.inbox;

import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
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
    private final Pool pool;

    public IdempotentConsumer(Inbox inbox, Pool pool) {
        this.inbox = inbox;
        this.pool = pool;
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

    /**
     * Whether this consumer has handled the event already (before a slow external call, say). A plain read on the
     * pool, outside Hibernate: Hibernate ORM 7.2's plan-cache key for a native select never equals the next
     * execution's, so each call added an entry with the same hash, and the cache filled with copies of this statement
     * (evicting the HQL plans) that every lookup walked: a sixth of calendar-service's CPU under load.
     */
    public boolean alreadyHandled(EventEnvelope<?> envelope, String consumer) {
        return Db.onPool(pool.preparedQuery("select exists (select 1 from inbox where event_id = $1 and consumer = $2)")
                .execute(Tuple.of(envelope.eventId(), consumer))
                .map(rows -> rows.iterator().next().getBoolean(0)));
    }
}
