package com.wimd.infra.test;

import com.wimd.events.Topics;
import com.wimd.infra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.List;
import java.util.Map;

/**
 * Starts one real Kafka broker (child JVM, KRaft) for a module's {@code @QuarkusTest}s, with every
 * contract topic pre-created, and points the application's Kafka connector at it.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.start(KafkaBroker.tempDir("kafka-test"), 0, Topics.allWithDeadLetters());
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // the broker lives as long as the test JVM; its shutdown hook stops it
    }
}
