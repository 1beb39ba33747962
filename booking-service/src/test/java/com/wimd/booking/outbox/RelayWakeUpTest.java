package com.wimd.booking.outbox;

import com.wimd.booking.BookingApi;
import com.wimd.infra.test.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The relay publishes when the transaction that wrote the outbox commits, not at its next poll: with the fallback
 * poll set to ten minutes, a committed event still reaches the broker in seconds (the commit's NOTIFY wakes it).
 */
@QuarkusTest
@TestProfile(RelayWakeUpTest.SlowPoll.class)
class RelayWakeUpTest {

    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.relay.interval", "PT10M");
        }
    }

    @Test
    void a_committed_event_is_published_without_waiting_for_the_poll() {
        String topic = "relay-wake-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Sql db = Sql.ofServiceUnderTest();
        // a first event, published by the relay's round at start or by a wake-up: either way, from here on only a
        // wake-up can publish within the poll's ten minutes
        String primer = "relay-wake-primer-" + UUID.randomUUID();
        db.update("insert into outbox (event_id, event_type, topic, message_key, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), "RelayTest", primer, key, "{}", Timestamp.from(Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> BookingApi.kafka().recordsFor(primer, key).size() == 1);

        for (int i = 0; i < 3; i++) { // three separate commits, each of which must wake the relay
            db.update("insert into outbox (event_id, event_type, topic, message_key, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), "RelayTest", topic, key, "{\"n\":" + i + "}", Timestamp.from(Instant.now()));
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(20)).until(() -> BookingApi.kafka().recordsFor(topic, key).size() == expected);
        }
    }
}
