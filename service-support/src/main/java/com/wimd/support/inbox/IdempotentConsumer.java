package com.wimd.support.inbox;

import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.work.Backoff;
import com.wimd.support.work.Pause;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a consumer's effect at most once per event: the inbox record and the effect (state changes and
 * outbox rows) share one transaction. Called from blocking {@code @Incoming} methods.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final int MAX_ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Inbox inbox;

    public IdempotentConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Decodes a message; a message that is not a valid event of the expected type is logged and skipped
     * (retrying cannot fix it, and it must not block the partition).
     */
    public <P extends EventPayload> Optional<EventEnvelope<P>> decode(String json, Class<P> type) {
        try {
            return Optional.of(EventCodec.decode(json, type));
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping a malformed %s message: %s", type.getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs the effect once, retrying the whole transaction when it fails (a lost race, a database restart).
     * If it still fails the exception propagates: the message is not acknowledged, the channel stops and the
     * service reports itself not ready, rather than skipping an event that carries money or a booking.
     *
     * @return true if the effect ran, false if the event had been handled before
     */
    public <P extends EventPayload> boolean handleOnce(EventEnvelope<P> envelope, String consumer,
                                                        Function<EventEnvelope<P>, Uni<Void>> effect) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return handleOnceInOneTransaction(envelope, consumer, effect);
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("%s could not handle %s %s (try %d of %d): %s", consumer, envelope.eventType(),
                        envelope.eventId(), attempt, MAX_ATTEMPTS, e.getMessage());
                if (attempt < MAX_ATTEMPTS) {
                    Pause.sleep(Backoff.exponential(FIRST_BACKOFF, attempt, MAX_BACKOFF));
                }
            }
        }
        throw last;
    }

    private <P extends EventPayload> boolean handleOnceInOneTransaction(EventEnvelope<P> envelope, String consumer,
                                                                         Function<EventEnvelope<P>, Uni<Void>> effect) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    inbox.firstDelivery(envelope, consumer).chain(first -> {
                        if (!first) {
                            LOG.debugf("%s already handled %s %s", consumer, envelope.eventType(), envelope.eventId());
                            return Uni.createFrom().item(false);
                        }
                        return effect.apply(envelope).replaceWith(true);
                    })));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this consumer has handled the event already (before a slow external call, say). */
    public boolean alreadyHandled(EventEnvelope<?> envelope, String consumer) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                    Panache.getSession().chain(session -> session.createNativeQuery(
                                    "select count(*) from inbox where event_id = ?1 and consumer = ?2", Long.class)
                            .setParameter(1, envelope.eventId())
                            .setParameter(2, consumer)
                            .getSingleResult())
                            .map(count -> count > 0)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
