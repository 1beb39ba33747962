package com.wimd.booking.outbox;

import com.wimd.booking.BookingApi;
import com.wimd.infra.test.Sql;
import com.wimd.support.outbox.OutboxRelay;
import com.wimd.support.outbox.Pruning;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay against the real database and broker: several relays at once publish each row exactly once and
 * in order, a row the broker refuses is parked without holding up the rest, and old rows are pruned.
 */
@QuarkusTest
class OutboxRelayTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    OutboxRelay relay;

    @Inject
    Pruning pruning;

    final Sql db = Sql.ofServiceUnderTest();

    /** Writes events to the outbox as a transaction would, on a topic of the test's own; answers their ids in order. */
    List<UUID> write(String topic, String key, int count, int payloadChars) {
        List<UUID> ids = new ArrayList<>();
        Instant base = Instant.now();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            db.update("insert into outbox (event_id, event_type, topic, message_key, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
                    id, "RelayTest", topic, key, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(payloadChars) + "\"}",
                    Timestamp.from(base.plusNanos(i * 1000L)));
            ids.add(id);
        }
        return ids;
    }

    UUID settled(Timestamp publishedAt, Timestamp parkedAt) {
        UUID id = UUID.randomUUID();
        db.update("insert into outbox (event_id, event_type, topic, message_key, payload, occurred_at, published_at, parked_at) "
                + "values (?, 'RelayTest', 'relay-test', 'k', '{}', ?, ?, ?)", id,
                Timestamp.from(Instant.now().minus(Duration.ofDays(9))), publishedAt, parkedAt);
        return id;
    }

    long unpublished(String topic) {
        return db.count("select count(*) from outbox where topic = ? and published_at is null and parked_at is null", topic);
    }

    @Test
    void three_relays_running_at_once_publish_every_row_exactly_once_and_in_order() throws Exception {
        String topic = "relay-test-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        write(topic, key, 450, 10);

        // the service's own relay is running too; two more race it round after round
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> racers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                racers.add(threads.submit(() -> {
                    while (unpublished(topic) > 0) {
                        relay.publishRound();
                    }
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get();
            }
        } finally {
            threads.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = await().atMost(PATIENCE)
                .until(() -> BookingApi.kafka().recordsFor(topic, key), r -> r.size() >= 450);
        assertThat(records).hasSize(450);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).value()).startsWith("{\"n\":" + i + ",");
        }
    }

    @Test
    void a_row_the_broker_refuses_is_parked_and_the_rows_after_it_still_go_out() {
        String topic = "relay-test-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        UUID tooLarge = write(topic, key, 1, 2_000_000).get(0); // over the producer's 1 MB request limit
        List<UUID> after = write(topic, key, 3, 10);

        await().atMost(PATIENCE).until(() -> unpublished(topic), n -> n == 0);

        assertThat(db.text("select error from outbox where event_id = ?", tooLarge)).contains("RecordTooLarge");
        assertThat(db.count("select count(*) from outbox where event_id = ? and parked_at is not null", tooLarge)).isOne();
        for (UUID id : after) {
            assertThat(db.count("select count(*) from outbox where event_id = ? and published_at is not null", id)).isOne();
        }
        assertThat(BookingApi.kafka().recordsFor(topic, key)).hasSize(3);
    }

    @Test
    void published_outbox_rows_and_inbox_records_older_than_the_retention_are_pruned_and_nothing_else() {
        // written already settled, so that the running relay has nothing to do with them
        Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        UUID old = settled(eightDaysAgo, null);
        UUID recent = settled(Timestamp.from(Instant.now()), null);
        UUID oldButParked = settled(null, eightDaysAgo);
        UUID oldEvent = UUID.randomUUID();
        UUID recentEvent = UUID.randomUUID();
        db.update("insert into inbox (event_id, consumer, event_type, handled_at) values (?, 'test', 'X', ?)", oldEvent, eightDaysAgo);
        db.update("insert into inbox (event_id, consumer, event_type) values (?, 'test', 'X')", recentEvent);

        int pruned = pruning.prune().await().atMost(PATIENCE);

        assertThat(pruned).isGreaterThanOrEqualTo(2);
        assertThat(db.count("select count(*) from outbox where event_id = ?", old)).isZero();
        assertThat(db.count("select count(*) from outbox where event_id = ?", recent)).isOne();
        assertThat(db.count("select count(*) from outbox where event_id = ?", oldButParked)).isOne();
        assertThat(db.count("select count(*) from inbox where event_id = ?", oldEvent)).isZero();
        assertThat(db.count("select count(*) from inbox where event_id = ?", recentEvent)).isOne();
    }
}
