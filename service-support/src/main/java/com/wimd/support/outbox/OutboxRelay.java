package com.wimd.support.outbox;

import com.wimd.support.db.PgNotifications;
import com.wimd.support.work.BackgroundLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import com.wimd.support.tracing.Tracing;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes the outbox to Kafka right after the transaction that wrote it commits.
 * <ul>
 *     <li><b>Wake-up:</b> an insert into the outbox notifies channel {@code outbox} (a trigger; PostgreSQL delivers
 *     it on commit only) and the relay, listening, starts a round at once. A slow poll
 *     ({@code outbox.relay.interval}, 1 s) remains as the fallback, for a lost listener connection.</li>
 *     <li><b>One relay at a time:</b> a round runs in a transaction holding an advisory lock, so two replicas never
 *     publish the same row, and the rows go out in the order they were written.</li>
 *     <li><b>At least once, in order:</b> it sends a batch (acks=all, idempotent producer), then stamps what the
 *     broker acknowledged. After a retriable failure only the prefix before it is stamped; the rest go again.
 *     A crash between sending and stamping republishes; every consumer ignores an event id it has handled.</li>
 *     <li><b>Never on the event loop:</b> the broker is called from a worker thread, so a broker that is away (the
 *     producer waits up to {@code max.block.ms} for a topic's metadata) never holds up the service's HTTP answers,
 *     its health checks among them; a batch stops at the first row that could not be sent for now.</li>
 *     <li><b>Never stuck on one row:</b> a row the broker refuses for good (too large, an invalid topic) is parked
 *     (logged at ERROR, counted in {@code outbox.parked}, listed by reconciliation) and the rest go on.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 200;
    /** The advisory lock a relay holds while it publishes (one per database, so one per service). */
    static final long LOCK = 0x6f7574626f78L; // "outbox"
    static final String CHANNEL = "outbox";

    private static final String NEXT = """
            select event_id, event_type, topic, message_key, payload, trace_parent from outbox
            where published_at is null and parked_at is null
            order by occurred_at, event_id limit $1""";

    private final Producer<String, String> producer;
    private final Pool pool;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Duration interval;
    private final PgNotifications notifications;
    private BackgroundLoop loop;

    public OutboxRelay(Producer<String, String> producer, Pool pool, Clock clock, MeterRegistry metrics,
                       @ConfigProperty(name = "outbox.relay.interval", defaultValue = "PT1S") Duration interval,
                       PgNotifications notifications) {
        this.producer = producer;
        this.pool = pool;
        this.clock = clock;
        this.metrics = metrics;
        this.interval = interval;
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent event) {
        loop = BackgroundLoop.start("outbox-relay", interval, () -> publishRound() == BATCH, LOG);
        // each commit that wrote a row wakes the relay; so does each (re)connection: anything written meanwhile
        notifications.listen(CHANNEL, payload -> loop.wake(), () -> loop.wake());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /**
     * One round: if no other relay of this service is publishing, sends the oldest unpublished events.
     *
     * @return how many rows it published or parked (-1 if another relay holds the lock)
     */
    public int publishRound() {
        return pool.withTransaction(connection -> connection
                        .preparedQuery("select pg_try_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
                        .chain(locked -> locked.iterator().next().getBoolean(0)
                                ? connection.preparedQuery(NEXT).execute(Tuple.of(BATCH))
                                        // the rows arrive on the event loop; the producer may wait there for the
                                        // broker (metadata, a full buffer): it sends from a worker thread instead
                                        .emitOn(Infrastructure.getDefaultWorkerPool())
                                        .chain(rows -> publish(connection, rows))
                                : Uni.createFrom().item(-1)))
                .await().atMost(Duration.ofMinutes(2));
    }

    private record Pending(UUID eventId, String eventType, String topic, String key, CompletableFuture<Void> sent) {
    }

    private Uni<Integer> publish(SqlConnection connection, Iterable<Row> rows) {
        List<Pending> batch = new ArrayList<>();
        for (Row row : rows) {
            Pending pending = new Pending(row.getUUID("event_id"), row.getString("event_type"), row.getString("topic"),
                    row.getString("message_key"), new CompletableFuture<>());
            batch.add(pending);
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(pending.topic(), pending.key(),
                        row.getString("payload"));
                Tracing.addTo(record.headers(), row.getString("trace_parent"));
                producer.send(record,
                        (metadata, failure) -> {
                            if (failure == null) {
                                pending.sent().complete(null);
                            } else {
                                pending.sent().completeExceptionally(failure);
                            }
                        });
            } catch (RuntimeException e) {
                pending.sent().completeExceptionally(e);
            }
            if (failureOf(pending) instanceof RetriableException) {
                break; // not even sent (no metadata within max.block.ms: the broker away): the rest go next round
            }
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        CompletableFuture<Void> settled = CompletableFuture.allOf(batch.stream()
                .map(p -> p.sent().handle((ok, failure) -> null)).toArray(CompletableFuture[]::new));
        return Uni.createFrom().completionStage(settled).chain(() -> record(connection, batch));
    }

    /** Why the broker did not take it, once its send has settled; null if it did (or has not answered yet). */
    private static Throwable failureOf(Pending pending) {
        return pending.sent().isCompletedExceptionally() ? pending.sent().handle((ok, e) -> e).join() : null;
    }

    /** Stamps the prefix the broker took, parks what it refused for good, and stops at a retriable failure. */
    private Uni<Integer> record(SqlConnection connection, List<Pending> batch) {
        List<UUID> published = new ArrayList<>();
        List<Tuple> parked = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Pending pending : batch) {
            Throwable failure = failureOf(pending);
            if (failure == null) {
                published.add(pending.eventId());
                continue;
            }
            if (failure instanceof RetriableException) {
                LOG.warnf("could not publish %s %s yet (%s); will retry", pending.eventType(), pending.eventId(),
                        failure.getMessage());
                break; // keep order: the rest go again after it
            }
            LOG.errorf("parking outbox event %s %s for booking %s: the broker refuses it (%s)", pending.eventType(),
                    pending.eventId(), pending.key(), failure.toString());
            metrics.counter("outbox.parked", "topic", pending.topic()).increment();
            parked.add(Tuple.of(now, failure.toString(), pending.eventId()));
        }
        Uni<Void> stampPublished = published.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update outbox set published_at = $1 where event_id = any($2)")
                .execute(Tuple.of(now, published.toArray(new UUID[0])))
                // which of a service's pods sent what: the relays share the outbox, one round at a time
                .invoke(() -> metrics.counter("outbox.published").increment(published.size()))
                .replaceWithVoid();
        Uni<Void> stampParked = parked.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update outbox set parked_at = $1, error = $2 where event_id = $3")
                .executeBatch(parked).replaceWithVoid();
        return stampPublished.chain(() -> stampParked).replaceWith(published.size() + parked.size());
    }
}
