package com.wimd.booking.outbox;

import com.wimd.infra.test.Sql;
import com.wimd.support.kafka.KafkaProducerProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay calls the broker from a worker thread, never from the event loop that delivers its rows: a broker
 * that is away makes the producer wait (up to {@code max.block.ms} for a topic's metadata), and on the event loop that
 * wait held up every HTTP answer of the service, its liveness check among them (seen in the fault run: calendar's
 * event loop blocked for 13 s while the broker restarted). The producer here is the real one, watched.
 */
@QuarkusTest
@TestProfile(RelayOffTheEventLoopTest.WatchedProducer.class)
class RelayOffTheEventLoopTest {

    /** The threads the relay sent from, by name, each marked if it was an event loop. */
    static final ConcurrentLinkedQueue<String> sentFrom = new ConcurrentLinkedQueue<>();

    public static class WatchedProducer implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(Watched.class);
        }
    }

    /** The service's producer, built as KafkaProducerProducer builds it, noting the thread of every send. */
    @Alternative
    @ApplicationScoped
    public static class Watched {
        @Produces
        @Alternative
        @ApplicationScoped
        @SuppressWarnings("unchecked")
        Producer<String, String> producer(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
            KafkaProducer<String, String> real = new KafkaProducer<>(KafkaProducerProducer.settings(kafka),
                    new StringSerializer(), new StringSerializer());
            return (Producer<String, String>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                    new Class<?>[]{Producer.class}, (proxy, method, args) -> {
                        if (method.getName().equals("send")) {
                            sentFrom.add(Thread.currentThread().getName()
                                    + (io.vertx.core.Context.isOnEventLoopThread() ? " (event loop)" : ""));
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    final Sql db = Sql.ofServiceUnderTest();

    @Test
    void the_relay_sends_from_a_worker_thread_never_from_the_event_loop() {
        String topic = "relay-thread-test-" + UUID.randomUUID();
        Instant base = Instant.now();
        for (int i = 0; i < 20; i++) {
            db.update("insert into outbox (event_id, event_type, topic, message_key, payload, occurred_at) values (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), "RelayTest", topic, "k", "{\"n\":" + i + "}", Timestamp.from(base.plusNanos(i * 1000L)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from outbox where topic = ? and published_at is null", topic) == 0);

        assertThat(sentFrom).as("the threads the relay sent from").hasSizeGreaterThanOrEqualTo(20)
                .noneMatch(thread -> thread.endsWith("(event loop)"));
    }
}
