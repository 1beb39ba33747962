package com.wimd.support.outbox;

import com.wimd.support.work.BackgroundLoop;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the outbox to Kafka: reads a batch of unpublished events in order, sends them (acks=all),
 * then stamps them published. A crash between sending and stamping republishes a batch: delivery is
 * at least once, and every consumer ignores an event id it has already handled.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final Producer<String, String> producer;
    private final Clock clock;
    private final Duration interval;
    private BackgroundLoop loop;

    public OutboxRelay(Producer<String, String> producer, Clock clock,
                       @ConfigProperty(name = "outbox.relay.interval", defaultValue = "PT0.1S") Duration interval) {
        this.producer = producer;
        this.clock = clock;
        this.interval = interval;
    }

    /** Its own thread rather than the scheduler: every saga hop waits for this relay. */
    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("outbox-relay", interval, () -> publishBatch() == BATCH, LOG);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** @return how many events were published */
    int publishBatch() throws Throwable {
        List<OutboxEvent> batch = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                OutboxEvent.<OutboxEvent>find("publishedAt is null order by occurredAt, eventId")
                        .page(0, BATCH).list()));
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            sends.add(producer.send(new ProducerRecord<>(event.topic, event.messageKey, event.payload)));
        }
        List<UUID> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(30, TimeUnit.SECONDS);
                sent.add(batch.get(i).eventId);
            } catch (Exception e) {
                LOG.warnf(e, "could not publish %s %s; will retry", batch.get(i).eventType, batch.get(i).eventId);
                break; // keep order: stamp only the prefix that made it
            }
        }
        if (!sent.isEmpty()) {
            Instant now = clock.instant();
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    OutboxEvent.update("publishedAt = ?1 where eventId in ?2", now, sent)));
        }
        return sent.size();
    }
}
