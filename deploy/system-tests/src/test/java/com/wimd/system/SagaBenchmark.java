package com.wimd.system;

import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark, not a test (tag {@code benchmark}, excluded from the build): free bookings from the request to
 * CONFIRMED through all four services on one broker and one PostgreSQL, one at a time and with 50 concurrent
 * clients, and the floor, one raw produce-to-consume hop on the same broker. Latency is read from the database
 * (the appointment's creation, in the request, to its confirmation), throughput from the first request to the
 * last confirmation. Run {@code ./benchmark.sh}; it writes the table into docs/benchmarks.md.
 */
@Tag("benchmark")
class SagaBenchmark {

    static final RunningSystem system = RunningSystem.get();
    static final int SEQUENTIAL = 100;
    static final int CLIENTS = 50;
    static final int PER_CLIENT = 6;
    static final int WARM_UP = 20;
    static final int HOPS = 300;

    record Figures(String what, int count, double p50, double p99, double perSecond) {
    }

    @Test
    void measure() throws Exception {
        system.update(ServiceSpec.BOOKING, "update promo_codes set max_uses = 100000, uses_remaining = 100000 where code = 'WIMD25'");
        List<ZonedDateTime> slots = ResilienceTest.slots(1, WARM_UP + SEQUENTIAL + CLIENTS * PER_CLIENT);
        AtomicInteger next = new AtomicInteger();

        List<String> warmUp = new ArrayList<>();
        String token = PaidBookingSagaTest.newClient("bench");
        for (int i = 0; i < WARM_UP; i++) {
            warmUp.add(bookAndWait(token, slots.get(next.getAndIncrement())));
        }

        long start = System.nanoTime();
        List<String> oneAtATime = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            oneAtATime.add(bookAndWait(token, slots.get(next.getAndIncrement())));
        }
        Figures sequential = figures("free booking → CONFIRMED, one at a time", oneAtATime, System.nanoTime() - start);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<List<String>>> work = new ArrayList<>();
        start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            String client = PaidBookingSagaTest.newClient("bench-" + c);
            work.add(clients.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < PER_CLIENT; i++) {
                    mine.add(bookAndWait(client, slots.get(next.getAndIncrement())));
                }
                return mine;
            }));
        }
        List<String> concurrent = new ArrayList<>();
        for (Future<List<String>> f : work) {
            concurrent.addAll(f.get());
        }
        Figures parallel = figures("free booking → CONFIRMED, " + CLIENTS + " concurrent clients", concurrent,
                System.nanoTime() - start);
        clients.shutdown();

        Figures hop = rawHop();
        String table = table(List.of(sequential, parallel, hop));
        System.out.println(table);
        write(table);
    }

    /** Books a free slot and waits (polling every 5 ms) until it is CONFIRMED: the client's view of a booking. */
    static String bookAndWait(String token, ZonedDateTime slot) {
        Response response = given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token)
                .contentType(ContentType.JSON).body(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                        "user_phone", "(416) 555-0105", "promo_code", "WIMD25"))
                .post("/booking/create-free");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        String id = response.jsonPath().getString("booking_id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!"CONFIRMED".equals(FreeBookingSagaTest.status(token, id))) {
            assertThat(System.nanoTime()).as("booking " + id + " confirmed within a minute").isLessThan(deadline);
            sleep(5);
        }
        return id;
    }

    /** Latencies from the database: created (in the request) to confirmed, in milliseconds. */
    static Figures figures(String what, List<String> bookings, long wallNanos) {
        List<Double> millis = new ArrayList<>();
        for (String id : bookings) {
            millis.add(system.count(ServiceSpec.BOOKING,
                    "select (extract(epoch from (updated_at - created_at)) * 1000000)::bigint from appointments "
                            + "where id = ?::uuid and status = 'CONFIRMED'", id) / 1000.0);
        }
        Collections.sort(millis);
        return new Figures(what, bookings.size(), percentile(millis, 50), percentile(millis, 99),
                bookings.size() / (wallNanos / 1e9));
    }

    /** The floor: one record produced (acks=all) and consumed on the same broker, one at a time. */
    static Figures rawHop() {
        String topic = "bench-hop-" + UUID.randomUUID();
        String bootstrap = system.kafka.bootstrapServers();
        List<Double> millis = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "create")).get();
            consumer.subscribe(List.of(topic));
            while (consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                // until the topic exists and the consumer is assigned
            }
            long start = System.nanoTime();
            for (int i = 0; i < HOPS + 20; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k", String.valueOf(i)));
                boolean received = false;
                while (!received) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        received |= r.value().equals(String.valueOf(i));
                    }
                }
                if (i >= 20) { // the first twenty warm up
                    millis.add((System.nanoTime() - sent) / 1e6);
                } else {
                    start = System.nanoTime();
                }
            }
            Collections.sort(millis);
            return new Figures("raw Kafka hop (produce acks=all → consume), one at a time", HOPS,
                    percentile(millis, 50), percentile(millis, 99), HOPS / ((System.nanoTime() - start) / 1e9));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String table(List<Figures> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Run on ").append(LocalDate.now()).append(": ").append(machine()).append("\n\n");
        out.append("| what | n | p50 (ms) | p99 (ms) | per second |\n|---|---|---|---|---|\n");
        for (Figures f : rows) {
            out.append(String.format("| %s | %d | %.1f | %.1f | %.0f |%n", f.what(), f.count(), f.p50(), f.p99(), f.perSecond()));
        }
        return out.toString();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB max heap for the load generator, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }

    /** Replaces the generated section of docs/benchmarks.md with the new table. */
    static void write(String table) throws IOException {
        Path file = Path.of(System.getProperty("project.root", "../..")).resolve("docs/benchmarks.md");
        String begin = "<!-- saga-benchmark:begin -->";
        String end = "<!-- saga-benchmark:end -->";
        String text = Files.exists(file) ? Files.readString(file) : "";
        String section = begin + "\n" + table + end;
        if (text.contains(begin) && text.contains(end)) {
            text = text.substring(0, text.indexOf(begin)) + section + text.substring(text.indexOf(end) + end.length());
        } else {
            text = text + "\n" + section + "\n";
        }
        Files.writeString(file, text);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
