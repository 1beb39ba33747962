package com.wimd.support.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.wimd.events.EventEnvelope;
import com.wimd.events.MessageParked;
import com.wimd.events.Topics;
import com.wimd.support.db.Db;
import com.wimd.support.outbox.Outbox;
import com.wimd.support.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * This service's parked messages: recorded from its dead-letter topic (so the topic stays the one source), announced
 * (MessageParked, so the coach is emailed), listed for the reconciliation report, and replayed on the coach's request
 * once the cause is fixed. A replay goes back to the original topic and partition (same key) with headers naming this
 * service and the channel that parked it (a service may read one topic with two consumers: booking-service's saga and
 * its timeline); {@link EventConsumers} hands it to that channel alone, like the original, through the inbox, so its
 * effect happens once however often it is replayed, and a replay that fails again is parked again.
 */
@ApplicationScoped
public class ParkedMessages {

    private static final Logger LOG = Logger.getLogger(ParkedMessages.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ProblemType ALREADY_REPLAYED = new ProblemType("already-replayed", 409, "This message was replayed already");
    static final ProblemType BROKER_DOWN = new ProblemType("broker-unavailable", 503, "The message broker did not answer");

    private final String service;
    private final Producer<String, String> producer;
    private final EventConsumers consumers;
    private final Outbox outbox;
    private final Clock clock;

    public ParkedMessages(@ConfigProperty(name = "quarkus.application.name") String service,
                          Producer<String, String> producer, EventConsumers consumers, Outbox outbox, Clock clock) {
        this.service = service;
        this.producer = producer;
        this.consumers = consumers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records each dead letter of this service; a failed replay puts its message back to parked. */
    @Incoming("dead-letters")
    public CompletionStage<Void> record(Message<String> deadLetter) {
        return CompletableFuture.supplyAsync(() -> store(deadLetter), Infrastructure.getDefaultWorkerPool())
                .thenCompose(done -> done);
    }

    private CompletionStage<Void> store(Message<String> deadLetter) {
        IncomingKafkaRecordMetadata<?, ?> record = deadLetter.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Headers headers = record.getHeaders();
        String replayOf = EventConsumers.header(headers, EventConsumers.REPLAY_OF);
        String error = firstOf(EventConsumers.header(headers, "dead-letter-reason"), "unknown");
        String cause = EventConsumers.header(headers, "dead-letter-cause");
        String fullError = cause == null || error.contains(cause) ? error : error + " (cause: " + cause + ")";
        int attempts = Integer.parseInt(firstOf(EventConsumers.header(headers, EventConsumers.ATTEMPTS), "1"));
        Instant now = clock.instant();
        String topic = firstOf(EventConsumers.header(headers, "dead-letter-topic"), "?");
        String channel = EventConsumers.header(headers, EventConsumers.PARKED_BY);
        String key = record.getKey() == null ? "" : record.getKey().toString();
        UUID id = replayOf != null ? UUID.fromString(replayOf) : UUID.randomUUID();
        consumers.untilItPasses(() -> Db.transaction(() -> {
            Uni<Integer> recorded = replayOf != null
                    ? Db.execute("""
                                update parked_message set error = ?1, attempts = ?2, parked_at = ?3, replay_requested_at = null,
                                       dlq_partition = ?4, dlq_offset = ?5
                                where id = ?6 and replayed_at is null""",
                        fullError, attempts, now, record.getPartition(), record.getOffset(), id)
                    : Db.execute("""
                            insert into parked_message (id, topic, source_partition, source_offset, message_key, payload,
                                headers, error, attempts, parked_at, dlq_partition, dlq_offset, channel)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                            on conflict (dlq_partition, dlq_offset) do nothing""",
                    id, topic, intOr(EventConsumers.header(headers, "dead-letter-partition")),
                    longOr(EventConsumers.header(headers, "dead-letter-offset")), key,
                    firstOf(deadLetter.getPayload(), ""), originalHeaders(headers), fullError, attempts, now,
                    record.getPartition(), record.getOffset(), channel);
            return recorded.chain(rows -> rows == 1 ? announce(id, topic, key, fullError, attempts, now) : Uni.createFrom().voidItem());
        }));
        return deadLetter.ack();
    }

    /**
     * In the transaction that parks it: MessageParked, so the coach hears of it (notification-service emails them).
     * Not for a MessageParked that was itself parked: telling of it would be one more MessageParked, and so on.
     */
    private Uni<Void> announce(UUID id, String topic, String key, String error, int attempts, Instant now) {
        if (Topics.MESSAGE_PARKED.equals(topic)) {
            return Uni.createFrom().voidItem();
        }
        return outbox.add(EventEnvelope.first(new MessageParked(id, service, topic, key, error, attempts, now), now));
    }

    /** One page of a list of parked messages, and where the next begins (null: this is the last). */
    public record Page(List<ParkedMessage> items, com.wimd.support.api.Cursor next) {
    }

    /**
     * A page of the parked messages not yet replayed, oldest first (or, {@code all}, every one, newest first), after
     * {@code after} (null: from the start), at most {@code limit}.
     */
    public Page page(boolean all, com.wimd.support.api.Cursor after, int limit) {
        String order = all ? "order by parkedAt desc, id desc" : "order by parkedAt, id";
        String open = all ? "" : "replayedAt is null";
        String where = after == null ? open
                : (open.isEmpty() ? "" : open + " and ") + (all ? "(parkedAt < ?1 or (parkedAt = ?1 and id < ?2))"
                : "(parkedAt > ?1 or (parkedAt = ?1 and id > ?2))");
        String query = (where.isEmpty() ? "" : where + " ") + order;
        List<ParkedMessage> rows = Db.session(() -> (after == null ? ParkedMessage.<ParkedMessage>find(query)
                : ParkedMessage.<ParkedMessage>find(query, after.at(), after.id())).range(0, limit).list());
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        ParkedMessage last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit), new com.wimd.support.api.Cursor(last.parkedAt, last.id));
    }

    /** Every parked message not yet replayed, oldest first. */
    public List<ParkedMessage> open() {
        return Db.session(() -> ParkedMessage.<ParkedMessage>list("replayedAt is null order by parkedAt"));
    }


    /**
     * Sends a parked message back to its topic for this service only. Refused for one already replayed; a message
     * still replaying may be sent again (the inbox applies it once).
     */
    public ParkedMessage replay(UUID id) {
        ParkedMessage parked = Db.session(() -> ParkedMessage.<ParkedMessage>findById(id));
        if (parked == null) {
            throw ProblemType.NOT_FOUND.at("id", "no parked message " + id);
        }
        if (parked.replayedAt != null) {
            throw ALREADY_REPLAYED.at("id", "message " + id + " was replayed at " + parked.replayedAt);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(parked.topic, parked.messageKey, parked.payload);
        readHeaders(parked.headers).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(EventConsumers.REPLAY_FOR, service.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventConsumers.REPLAY_OF, id.toString().getBytes(StandardCharsets.UTF_8));
        if (parked.channel != null) {
            record.headers().add(EventConsumers.REPLAY_CHANNEL, parked.channel.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BROKER_DOWN.because("interrupted while sending the replay");
        } catch (Exception e) {
            throw BROKER_DOWN.because("could not send the replay: " + e.getMessage());
        }
        Instant now = clock.instant();
        LOG.infof("%s replays parked message %s (%s, booking %s)", service, id, parked.topic, parked.messageKey);
        return Db.transaction(() -> ParkedMessage.<ParkedMessage>findById(id).invoke(row -> row.replayRequestedAt = now));
    }

    /** Called by {@link EventConsumers} when a replay was handled: the parked message is done with. */
    static Void markReplayed(UUID id, EventEnvelope<?> event) {
        Db.transaction(() -> Db.execute("update parked_message set replayed_at = now() where id = ?1 and replayed_at is null", id));
        LOG.infof("parked message %s (%s %s) replayed", id, event.eventType(), event.eventId());
        return null;
    }

    /** The headers the original record had: the dead-letter ones and earlier replay markers are left out. */
    private static String originalHeaders(Headers headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Header header : headers) {
            String name = header.key();
            if (!name.startsWith("dead-letter-") && !name.startsWith("wimd-replay-") && !name.equals(EventConsumers.PARKED_BY)
                    && header.value() != null) {
                kept.put(name, new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        try {
            return JSON.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readHeaders(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String firstOf(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** A number from a header, or -1 when it is missing or not a number. */
    private static int intOr(String value) {
        return (int) longOr(value);
    }

    private static long longOr(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
