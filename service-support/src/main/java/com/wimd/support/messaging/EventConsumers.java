package com.wimd.support.messaging;

import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.support.db.DatabaseProbe;
import com.wimd.support.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How every service consumes an event: it never stops a channel and never drops a message.
 * <ul>
 *     <li>A transient failure ({@link Failures#isTransient}, or any failure while this service's database does
 *     not answer) is retried with exponential backoff, capped at {@code messaging.retry.max-delay} (30 s), for as
 *     long as it lasts: the message is not acknowledged, so its offset is not committed.</li>
 *     <li>Any other failure is retried up to {@code messaging.max-attempts} times in all; then the message is
 *     <b>parked</b>: nacked to this service's dead-letter topic ({@code <service>.dead-letters}, SmallRye's
 *     dead-letter-queue failure strategy) with the original key, payload and headers plus the error and the
 *     attempt count, counted in {@code messages.parked} and logged at ERROR with the booking id.</li>
 *     <li>A message that cannot be decoded (malformed, an unknown type or version) is parked at once.</li>
 *     <li>A replay ({@link ParkedMessages#replay}) comes back on the original topic with headers naming the
 *     service and the channel (consumer) that parked it; other services, and this service's other consumers of the
 *     topic, let it pass; the one it is for handles it and marks it replayed, or parks it again.</li>
 * </ul>
 * Handlers must be idempotent (they record the event in the inbox with their effect): a retry runs them again.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    /** On a replayed record: the service (consumer group) that parked it; others ignore it. */
    public static final String REPLAY_FOR = "wimd-replay-for";
    /** On a replayed record: the id of the parked message it replays. */
    public static final String REPLAY_OF = "wimd-replay-of";
    /** On a replayed record: the channel (consumer) of that service that parked it; its other channels ignore it. */
    public static final String REPLAY_CHANNEL = "wimd-replay-channel";
    /** On a dead letter: the channel (consumer) that parked it. */
    public static final String PARKED_BY = "wimd-parked-by";
    /** On a dead letter: how many times the handler ran before the message was parked. */
    public static final String ATTEMPTS = "dead-letter-attempts";

    private final String service;
    private final Guard untilItPasses;
    private final Guard aFewTimes;
    private final MeterRegistry metrics;
    private final DatabaseProbe database;
    private final Tracing tracing;

    public EventConsumers(@ConfigProperty(name = "quarkus.application.name") String service,
                          @ConfigProperty(name = "messaging.max-attempts", defaultValue = "5") int maxAttempts,
                          @ConfigProperty(name = "messaging.retry.first-delay", defaultValue = "PT0.2S") Duration firstDelay,
                          @ConfigProperty(name = "messaging.retry.max-delay", defaultValue = "PT30S") Duration maxDelay,
                          MeterRegistry metrics, DatabaseProbe database, Tracing tracing) {
        this.service = service;
        this.tracing = tracing;
        this.metrics = metrics;
        this.database = database;
        // transient failures: no limit on retries nor on their total duration (maxDuration 0)
        this.untilItPasses = Guard.create()
                .withRetry().maxRetries(-1).maxDuration(0, ChronoUnit.MILLIS)
                .delay(firstDelay.toMillis(), ChronoUnit.MILLIS).jitter(firstDelay.toMillis() / 2, ChronoUnit.MILLIS)
                .whenException(this::passesOnItsOwn)
                .beforeRetry(e -> LOG.warnf("%s: transient failure, trying again: %s", service, describe(e)))
                .withExponentialBackoff().factor(2).maxDelay(maxDelay.toMillis(), ChronoUnit.MILLIS).done()
                .done().build();
        // everything else: a few tries, then the message is parked
        this.aFewTimes = Guard.create()
                .withRetry().maxRetries(Math.max(1, maxAttempts) - 1).maxDuration(0, ChronoUnit.MILLIS)
                .delay(firstDelay.toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> !(e instanceof InterruptedException))
                .beforeRetry(e -> LOG.warnf("%s: failed, trying again: %s", service, describe(e)))
                .withExponentialBackoff().factor(2).maxDelay(maxDelay.toMillis(), ChronoUnit.MILLIS).done()
                .done().build();
    }

    /**
     * Decodes the message as an event of {@code type} and hands it to the blocking {@code handler} on a worker
     * thread, with the retries and the parking described above; the stage completes once the message is
     * acknowledged or parked. Return it from the {@code @Incoming} method that takes the {@link Message}: the
     * connector hands that channel its next message only then, so one key's events are handled in order.
     */
    public <P extends EventPayload> CompletionStage<Void> consume(Message<String> message, Class<P> type,
                                                                 Consumer<EventEnvelope<P>> handler) {
        return CompletableFuture.supplyAsync(() -> handle(message, type, handler), Infrastructure.getDefaultWorkerPool())
                .thenCompose(done -> done);
    }

    /**
     * Like {@link #consume}, for a channel read in batches ({@code mp.messaging.incoming.<channel>.batch=true}): the
     * events of one poll go to {@code many} at once (one statement or transaction for all of them, where one per
     * event costs several times the work), retried like a single event's handler while the failure is transient.
     * When a record of the batch is a replay, cannot be decoded, or {@code many} fails otherwise, the records are
     * handled one by one with {@code one}, exactly as {@link #consume} would, so that only a bad one is parked.
     * Either way the batch is acknowledged (each partition's last offset committed) once all of it is handled.
     * {@code many} must be idempotent as a whole: a retry runs it again on the same events.
     */
    public <P extends EventPayload> CompletionStage<Void> consumeBatch(KafkaRecordBatch<?, String> batch, Class<P> type,
                                                                      Consumer<List<EventEnvelope<P>>> many,
                                                                      Consumer<EventEnvelope<P>> one) {
        return CompletableFuture.supplyAsync(() -> handleBatch(batch, type, many, one), Infrastructure.getDefaultWorkerPool())
                .thenCompose(done -> done);
    }

    private <P extends EventPayload> CompletionStage<Void> handleBatch(KafkaRecordBatch<?, String> batch, Class<P> type,
                                                                      Consumer<List<EventEnvelope<P>>> many,
                                                                      Consumer<EventEnvelope<P>> one) {
        List<EventEnvelope<P>> events = decodedAsTheyCame(batch, type);
        if (events != null) {
            String topic = batch.getRecords().isEmpty() ? "?" : batch.getRecords().get(0).getTopic();
            Span span = tracing.consumingBatch(topic, batch.getRecords().stream().map(KafkaRecord::getHeaders).toList());
            try (Scope ignored = span.makeCurrent()) {
                untilItPasses(() -> many.accept(events));
                return batch.ack();
            } catch (RuntimeException e) {
                Tracing.failed(span, e);
                if (Thread.currentThread().isInterrupted()) {
                    return new CompletableFuture<>(); // shutting down: the next start reads the batch again
                }
                LOG.warnf("%s: a batch of %d events failed (%s); handling them one by one", service, events.size(),
                        describe(e));
            } finally {
                span.end();
            }
        }
        List<CompletableFuture<Void>> parked = new ArrayList<>();
        for (KafkaRecord<?, String> record : batch.getRecords()) {
            CompletionStage<Void> outcome = handleOrPark(record, type, one);
            if (Thread.currentThread().isInterrupted()) {
                return new CompletableFuture<>();
            }
            if (outcome != null) {
                parked.add(outcome.toCompletableFuture()); // nacked to the dead-letter topic, which acks that record
            }
        }
        return CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** The batch's events, or null when a record is a replay or cannot be decoded (those go one by one). */
    private static <P extends EventPayload> List<EventEnvelope<P>> decodedAsTheyCame(KafkaRecordBatch<?, String> batch,
                                                                                    Class<P> type) {
        List<EventEnvelope<P>> events = new ArrayList<>(batch.getRecords().size());
        for (KafkaRecord<?, String> record : batch.getRecords()) {
            if (header(record.getHeaders(), REPLAY_FOR) != null) {
                return null;
            }
            try {
                events.add(EventCodec.decode(record.getPayload(), type));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return events;
    }

    private <P extends EventPayload> CompletionStage<Void> handle(Message<String> message, Class<P> type,
                                                                 Consumer<EventEnvelope<P>> handler) {
        CompletionStage<Void> parked = handleOrPark(message, type, handler);
        return parked != null ? parked : message.ack();
    }

    /**
     * Handles one message as the class comment says, without acknowledging it.
     *
     * @return null once it is handled (or is another service's replay); otherwise the stage of its parking, or
     * one that never completes when the thread is interrupted (shutting down: neither acked nor parked)
     */
    private <P extends EventPayload> CompletionStage<Void> handleOrPark(Message<String> message, Class<P> type,
                                                                       Consumer<EventEnvelope<P>> handler) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        String replayFor = record == null ? null : header(record.getHeaders(), REPLAY_FOR);
        if (replayFor != null && !replayIsFor(service, record.getChannel(), replayFor, header(record.getHeaders(), REPLAY_CHANNEL))) {
            return null; // another service's replay, or another consumer's of this service: no handling, no span
        }
        // the span of this handling continues the trace of the span that made the event (Tracing): what the handler
        // adds to the outbox carries it on
        Span span = record == null ? Span.getInvalid() : tracing.consuming(record.getTopic(),
                record.getKey() == null ? "?" : record.getKey().toString(), record.getHeaders());
        try (Scope ignored = span.makeCurrent()) {
            CompletionStage<Void> parked = handleOrParkInSpan(message, record, type, handler);
            if (parked != null && !Thread.currentThread().isInterrupted()) { // (interrupted: shutting down, not parked)
                span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, "parked");
            }
            return parked;
        } finally {
            span.end();
        }
    }

    private <P extends EventPayload> CompletionStage<Void> handleOrParkInSpan(Message<String> message,
                                                                             IncomingKafkaRecordMetadata<?, ?> record,
                                                                             Class<P> type,
                                                                             Consumer<EventEnvelope<P>> handler) {
        String key = record == null || record.getKey() == null ? "?" : record.getKey().toString();
        EventEnvelope<P> event;
        try {
            event = EventCodec.decode(message.getPayload(), type);
        } catch (IllegalArgumentException e) {
            return park(message, record, key, e, 1);
        }
        AtomicInteger attempts = new AtomicInteger();
        try {
            aFewTimes.call(() -> untilItPasses.call(() -> {
                attempts.incrementAndGet();
                handler.accept(event);
                return null;
            }, Void.class), Void.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CompletableFuture<>(); // shutting down: neither acked nor parked; the next start reads it again
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return new CompletableFuture<>();
            }
            return park(message, record, key, e, attempts.get());
        }
        String replayOf = record == null ? null : header(record.getHeaders(), REPLAY_OF);
        if (replayOf != null) {
            untilItPasses(() -> ParkedMessages.markReplayed(UUID.fromString(replayOf), event));
        }
        return null;
    }

    /**
     * Whether a replay for {@code replayFor} (and {@code replayChannel}, absent on replays from before channels were
     * named: then every channel of the service) is for this service's {@code channel}.
     */
    static boolean replayIsFor(String service, String channel, String replayFor, String replayChannel) {
        return replayFor.equals(service) && (replayChannel == null || replayChannel.equals(channel));
    }

    /** Runs blocking work, retrying transient failures for as long as they last (see the class comment). */
    public void untilItPasses(Runnable work) {
        untilItPasses.get(() -> {
            work.run();
            return null;
        }, Void.class);
    }

    /** A failure that passes on its own: transient by its type, or the database does not answer at all. */
    boolean passesOnItsOwn(Throwable failure) {
        if (failure instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            return false;
        }
        return Failures.isTransient(failure) || !database.answers();
    }

    private CompletionStage<Void> park(Message<String> message, IncomingKafkaRecordMetadata<?, ?> record, String key, Throwable error,
                      int attempts) {
        String topic = record == null ? "?" : record.getTopic();
        LOG.errorf(error, "%s parks a %s message for booking %s after %d attempt(s): %s", service, topic, key,
                attempts, describe(error));
        metrics.counter("messages.parked", "service", service, "topic", topic).increment();
        Headers extra = new RecordHeaders().add(ATTEMPTS, String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
        if (record != null && record.getChannel() != null) {
            extra.add(PARKED_BY, record.getChannel().getBytes(StandardCharsets.UTF_8));
        }
        return message.nack(error, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(extra).build()));
    }

    static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && out.length() < 500 && depth < 8; t = t.getCause(), depth++) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }
}
