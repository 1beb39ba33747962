package com.wimd.booking.timeline.messaging;

import com.wimd.events.ClientNotified;
import com.wimd.events.EventCodec;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.Topics;
import com.wimd.support.messaging.EventConsumers;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel read in batches ({@link EventConsumers#consumeBatch}, the timeline's) handles a poll's events at once,
 * and when that fails for good, one by one, so that only the event that keeps failing is parked. The batch is built
 * as the Kafka connector builds it; what it acknowledges and parks is recorded instead of committed or sent.
 */
@QuarkusTest
class BatchConsumptionTest {

    static final TopicPartition PARTITION = new TopicPartition(Topics.CLIENT_NOTIFIED, 0);

    @Inject
    EventConsumers consumers;

    final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    final List<Long> parked = new CopyOnWriteArrayList<>();

    final KafkaCommitHandler commits = new KafkaCommitHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            acknowledged.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };
    final KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            parked.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };

    static EventEnvelope<ClientNotified> notified(String channel) {
        return EventEnvelope.first(new ClientNotified(UUID.randomUUID(), channel, "BOOKING_CONFIRMED", "CLIENT", "SENT"),
                Instant.now());
    }

    /** The events as one poll's records on one partition, at offsets 10, 11, ... */
    IncomingKafkaRecordBatch<String, String> batchOf(List<? extends EventEnvelope<?>> events) {
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), 10 + i, events.get(i).key(),
                    EventCodec.encode(events.get(i))));
        }
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(PARTITION, records), Map.of()), "timeline", 0,
                commits, deadLetters, false, false);
    }

    void consume(List<? extends EventEnvelope<?>> events, java.util.function.Consumer<List<EventEnvelope<EventPayload>>> many,
                 java.util.function.Consumer<EventEnvelope<EventPayload>> one) throws Exception {
        consumers.consumeBatch(batchOf(events), EventPayload.class, many, one).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_polls_events_are_handled_together_in_order_and_the_batch_acknowledged_at_its_last_offset() throws Exception {
        List<EventEnvelope<ClientNotified>> events = List.of(notified("EMAIL"), notified("INAPP"), notified("SMS"));
        List<List<UUID>> together = new CopyOnWriteArrayList<>();
        List<UUID> alone = new CopyOnWriteArrayList<>();

        consume(events, batch -> together.add(batch.stream().map(EventEnvelope::eventId).toList()),
                event -> alone.add(event.eventId()));

        assertThat(together).containsExactly(events.stream().map(EventEnvelope::eventId).toList());
        assertThat(alone).isEmpty();
        assertThat(acknowledged).containsExactly(12L);
        assertThat(parked).isEmpty();
    }

    @Test
    void a_batch_that_fails_for_good_is_handled_one_by_one_and_only_the_event_that_keeps_failing_is_parked() throws Exception {
        List<EventEnvelope<ClientNotified>> events = List.of(notified("EMAIL"), notified("INAPP"), notified("SMS"));
        UUID bad = events.get(1).eventId();
        List<UUID> alone = new CopyOnWriteArrayList<>();

        consume(events, batch -> {
            throw new IllegalStateException("a bug in one of them");
        }, event -> {
            alone.add(event.eventId());
            if (event.eventId().equals(bad)) {
                throw new IllegalStateException("this one is the bug");
            }
        });

        assertThat(alone).as("each handled on its own, in order; the bad one tried again before it is parked")
                .startsWith(events.get(0).eventId(), bad).endsWith(bad, events.get(2).eventId())
                .filteredOn(bad::equals).hasSizeGreaterThan(1);
        assertThat(parked).containsExactly(11L);
        assertThat(acknowledged).containsExactly(12L);
    }

    @Test
    void a_batch_that_fails_for_a_moment_is_tried_again_as_a_batch() throws Exception {
        List<EventEnvelope<ClientNotified>> events = List.of(notified("EMAIL"), notified("INAPP"));
        AtomicInteger tries = new AtomicInteger();
        List<UUID> alone = new CopyOnWriteArrayList<>();

        consume(events, batch -> {
            if (tries.incrementAndGet() < 3) {
                throw new UncheckedIOException(new ConnectException("the database went away"));
            }
        }, event -> alone.add(event.eventId()));

        assertThat(tries).hasValue(3);
        assertThat(alone).isEmpty();
        assertThat(parked).isEmpty();
        assertThat(acknowledged).containsExactly(11L);
    }
}
