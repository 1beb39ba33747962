package com.wimd.system;

import com.wimd.infra.test.BenchmarkReport;

import com.wimd.events.Topics;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A benchmark, not a test (tag {@code benchmark}, excluded from the build): free bookings from the request to
 * CONFIRMED through all four services on one broker and one PostgreSQL, one at a time and with 50 concurrent
 * clients, and the floor, one raw produce-to-consume hop on the same broker. A booking's latency runs from sending
 * its request to its BookingConfirmed reaching the benchmark (read from Kafka, so waiting costs the system
 * nothing); throughput from the first request to the last confirmation. Run {@code ./benchmark.sh}; it writes the
 * table into docs/benchmarks.md.
 */
@Tag("benchmark")
class SagaBenchmark {

    static final RunningSystem system = RunningSystem.get();
    static final int SEQUENTIAL = 100;
    static final int CLIENTS = 50;
    static final int PER_CLIENT = 10;
    /**
     * Warm-up rounds, each 50 concurrent clients booking {@link #PER_CLIENT} sessions: the JIT compiles the hot paths
     * over the first thousand bookings or so (its compiler threads took a third of each service's CPU in the first
     * minutes), and production runs warm, so the figures are taken once each round's rate has levelled off.
     */
    static final int WARM_UP_ROUNDS = 4;
    static final int WARM_UP = WARM_UP_ROUNDS * CLIENTS * PER_CLIENT;
    static final int HOPS = 300;
    /** How long the idle CPU is measured, once nothing is pending. */
    static final Duration IDLE = Duration.ofSeconds(10);

    record Figures(String what, int count, double p50, double p99, double perSecond) {
    }

    /** A plain JDK client: light enough that the load generator does not take the system's cores. */
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** When each booking's BookingConfirmed reached the benchmark (System.nanoTime), by booking id. */
    static final Map<String, CompletableFuture<Long>> CONFIRMED = new ConcurrentHashMap<>();

    static CompletableFuture<Long> confirmation(String bookingId) {
        return CONFIRMED.computeIfAbsent(bookingId, id -> new CompletableFuture<>());
    }

    /** Reads BookingConfirmed as a service would, so waiting for a booking costs the system nothing. */
    static Thread watchConfirmations(CountDownLatch assigned) {
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.BOOKING_CONFIRMED), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                    }

                    @Override
                    public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            assigned.countDown();
                        }
                    }
                });
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        confirmation(r.key()).complete(System.nanoTime());
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // stopped
            }
        }, "benchmark-confirmations");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    @Test
    void measure() throws Exception {
        system.update(ServiceSpec.BOOKING, "update promo_codes set max_uses = 100000, uses_remaining = 100000 where code = 'WIMD25'");
        // the coach works around the clock for the benchmark, so the horizon holds every slot it books
        system.update(ServiceSpec.BOOKING, "insert into coach_availability (day_of_week, start_time, end_time, zone) "
                + "select d, '00:00', '23:30', (select zone from coach_availability limit 1) from generate_series(1, 7) d");
        system.update(ServiceSpec.BOOKING, "delete from coach_availability where not (start_time = '00:00' and end_time = '23:30')");
        List<ZonedDateTime> slots = roundTheClock(WARM_UP + SEQUENTIAL + CLIENTS * PER_CLIENT);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch assigned = new CountDownLatch(1);
        Thread watcher = watchConfirmations(assigned);
        assertThat(assigned.await(30, TimeUnit.SECONDS)).as("the confirmation watcher has its partitions").isTrue();

        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            tokens.add(PaidBookingSagaTest.newClient("bench-" + c));
        }
        StringBuilder warmUp = new StringBuilder("Warm-up rounds (" + CLIENTS + " concurrent clients, " + CLIENTS * PER_CLIENT
                + " bookings each), bookings per second:");
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            Figures warm = concurrently(tokens, slots, next, "warm-up round " + round);
            System.out.printf("warm-up round %d: p50 %.1f ms, p99 %.1f ms, %.0f bookings/s%n", round, warm.p50(), warm.p99(),
                    warm.perSecond());
            warmUp.append(String.format(" %.0f", warm.perSecond()));
        }
        String token = PaidBookingSagaTest.newClient("bench");

        // after the warm-up, what the system spends doing nothing (polls, fetches, health): the floor under every figure
        // below, measured once the warm-up's last bookings are confirmed and their emails sent
        double warmUpEmailLag = secondsUntilEverythingIsSent();
        Map<String, Long> idleBefore = cpuMillisByProcess();
        long idleStart = System.nanoTime();
        // idle: nothing may fall pending meanwhile
        await().during(IDLE).atMost(IDLE.plusSeconds(5)).pollInterval(Duration.ofSeconds(1)).until(SagaBenchmark::nothingPending);
        Map<String, Long> idleAfter = cpuMillisByProcess();
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;

        long start = System.nanoTime();
        List<Double> oneAtATime = new ArrayList<>();
        List<String> sequentialIds = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            oneAtATime.add(bookAndWait(token, slots.get(next.getAndIncrement()), sequentialIds));
        }
        Figures sequential = figures("free booking → CONFIRMED, one at a time", oneAtATime, System.nanoTime() - start);

        Map<String, Long> cpuBefore = cpuMillisByProcess();
        long[] machineBefore = machineTicks();
        Map<ServiceSpec, long[]> dbBefore = databaseWork();
        Map<String, long[]> scansBefore = sequentialScans();
        Map<String, long[]> indexBefore = indexReads();
        Figures parallel = concurrently(tokens, slots, next, "free booking → CONFIRMED, " + CLIENTS + " concurrent clients");
        long[] machineBooked = machineTicks(); // how busy the machine was while the clients booked
        // a booking's work ends with its emails sent: the CPU and database work below count until then
        double emailLag = secondsUntilEverythingIsSent();
        Map<String, Long> cpuAfter = cpuMillisByProcess();
        Map<ServiceSpec, long[]> dbAfter = databaseWork();
        Map<String, long[]> scansAfter = sequentialScans();
        Map<String, long[]> indexAfter = indexReads();
        String stages = stages(sequentialIds); // (its own queries read the outbox: after the counts above)
        StringBuilder cpu = new StringBuilder();
        long cpuTotal = 0;
        long idleTotal = 0;
        for (var part : cpuAfter.entrySet()) {
            long used = part.getValue() - cpuBefore.getOrDefault(part.getKey(), 0L);
            long idle = idleAfter.getOrDefault(part.getKey(), 0L) - idleBefore.getOrDefault(part.getKey(), 0L);
            cpuTotal += used;
            idleTotal += idle;
            cpu.append(String.format("| %s | %.1f | %.0f |%n", part.getKey(), used / (double) parallel.count(),
                    idle / idleSeconds));
        }
        cpu.append(String.format("| **all** | **%.1f** | **%.0f** |%n", cpuTotal / (double) parallel.count(),
                idleTotal / idleSeconds));
        long busy = machineBooked[0] - machineBefore[0];
        long all = machineBooked[1] - machineBefore[1];
        watcher.interrupt();

        assertThat(system.count(ServiceSpec.BOOKING, "select count(*) from appointments where status = 'CONFIRMED'"))
                .as("every booking confirmed").isEqualTo(WARM_UP + SEQUENTIAL + CLIENTS * PER_CLIENT);
        Figures hop = rawHop();
        String table = table(List.of(sequential, parallel, hop)) + "\n" + warmUp + ".\n"
                + String.format("%nThe last confirmation's emails were sent %.1f s after it with %d concurrent clients "
                + "(%.1f s after the warm-up's).%n", emailLag, CLIENTS, warmUpEmailLag)
                + "\nCPU per booking with " + CLIENTS + " concurrent clients, from the first request until the last email is sent "
                + "(the load generator is the benchmark's JVM: its " + CLIENTS + " HTTP clients, "
                + "the SMTP server that receives the emails, the fake of Google Calendar and the confirmations' reader):\n\n"
                + "| part | CPU ms per booking | idle CPU ms per second |\n|---|---|---|\n" + cpu + "\n"
                + String.format("While the clients booked (from the first request to the last confirmation), the machine's %d cores were %.0f %% busy "
                + "(/proc/stat: every process and the kernel).%n%n",
                Runtime.getRuntime().availableProcessors(), 100.0 * busy / Math.max(1, all))
                + perBooking(dbBefore, dbAfter, parallel.count()) + "\n"
                + scansPerBooking(scansBefore, scansAfter, parallel.count()) + "\n"
                + indexReadsPerBooking(indexBefore, indexAfter, parallel.count()) + "\n" + stages;
        System.out.println(table);
        write(table);
    }

    /** Each client books {@link #PER_CLIENT} sessions, one after the other, all clients at once. */
    static Figures concurrently(List<String> tokens, List<ZonedDateTime> slots, AtomicInteger next, String what) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(tokens.size());
        try {
            List<Future<List<Double>>> work = new ArrayList<>();
            long start = System.nanoTime();
            for (String client : tokens) {
                work.add(clients.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    for (int i = 0; i < PER_CLIENT; i++) {
                        mine.add(bookAndWait(client, slots.get(next.getAndIncrement()), new ArrayList<>()));
                    }
                    return mine;
                }));
            }
            List<Double> latencies = new ArrayList<>();
            for (Future<List<Double>> f : work) {
                latencies.addAll(f.get());
            }
            return figures(what, latencies, System.nanoTime() - start);
        } finally {
            clients.shutdown();
        }
    }

    /** Every half hour of the coach's day, from the day after tomorrow on (well inside the notice and the horizon). */
    static List<ZonedDateTime> roundTheClock(int count) {
        List<ZonedDateTime> slots = new ArrayList<>();
        LocalDate day = LocalDate.now(FreeBookingSagaTest.TORONTO).plusDays(2);
        while (slots.size() < count) {
            for (int i = 0; i < 47 && slots.size() < count; i++) {
                java.time.LocalTime time = java.time.LocalTime.MIDNIGHT.plusMinutes(30L * i);
                ZonedDateTime slot = ZonedDateTime.of(day, time, FreeBookingSagaTest.TORONTO);
                if (slot.toLocalTime().equals(time)) { // not in a daylight-saving gap
                    slots.add(slot);
                }
            }
            day = day.plusDays(1);
        }
        return slots;
    }

    /**
     * Books a free slot and waits for its BookingConfirmed: the milliseconds from sending the request to the
     * confirmation's arrival, as a client would see it.
     */
    static double bookAndWait(String token, ZonedDateTime slot, List<String> ids) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.url(ServiceSpec.BOOKING) + "/booking/create-free"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scheduled_datetime\":\"" + slot.toOffsetDateTime()
                        + "\",\"user_phone\":\"(416) 555-0105\",\"promo_code\":\"WIMD25\"}")).build();
        long sent = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = JSON.readTree(response.body()).path("booking_id").asText();
        ids.add(id);
        long confirmed = confirmation(id).get(60, TimeUnit.SECONDS);
        return (confirmed - sent) / 1e6;
    }

    /**
     * Where the time of a booking goes, one at a time (medians over the run, from each service's own records): the
     * request's transaction, each relay publishing after its commit, each consumer picking the event up and
     * handling it.
     */
    static String stages(List<String> ids) {
        List<String> names = List.of("BookingRequested written in the request's transaction → published (booking relay)",
                "→ calendar-service's consumer has it", "→ calendar step done, CalendarEventCreated written",
                "→ CalendarEventCreated published (calendar relay)", "→ booking-service's consumer has it",
                "→ BookingConfirmed published (booking relay)");
        List<List<Double>> deltas = new ArrayList<>();
        names.forEach(n -> deltas.add(new ArrayList<>()));
        for (String id : ids) {
            Map<String, Object> requested = one(ServiceSpec.BOOKING, "select event_id::text as id, occurred_at, published_at "
                    + "from outbox where message_key = ? and event_type = 'BookingRequested'", id);
            Map<String, Object> created = one(ServiceSpec.CALENDAR, "select event_id::text as id, occurred_at, published_at "
                    + "from outbox where message_key = ? and event_type = 'CalendarEventCreated'", id);
            Map<String, Object> confirmed = one(ServiceSpec.BOOKING, "select occurred_at, published_at "
                    + "from outbox where message_key = ? and event_type = 'BookingConfirmed'", id);
            Map<String, Object> calendarGot = one(ServiceSpec.CALENDAR,
                    "select handled_at from inbox where event_id = ?::uuid", requested.get("id"));
            Map<String, Object> bookingGot = one(ServiceSpec.BOOKING,
                    "select handled_at from inbox where event_id = ?::uuid", created.get("id"));
            List<Object> times = List.of(requested.get("occurred_at"), requested.get("published_at"),
                    calendarGot.get("handled_at"), created.get("occurred_at"), created.get("published_at"),
                    bookingGot.get("handled_at"), confirmed.get("published_at"));
            for (int i = 0; i < names.size(); i++) {
                deltas.get(i).add(millisBetween(times.get(i), times.get(i + 1)));
            }
        }
        StringBuilder out = new StringBuilder("Where the time goes, one at a time (medians, from each service's records; "
                + "the inbox records when a consumer's transaction began, the outbox when an event was created in its "
                + "transaction, before the commit):\n\n| stage | median (ms) |\n|---|---|\n");
        for (int i = 0; i < names.size(); i++) {
            List<Double> d = deltas.get(i);
            Collections.sort(d);
            out.append(String.format("| %s | %.1f |%n", names.get(i), BenchmarkReport.percentile(d, 50)));
        }
        return out.toString();
    }

    static Map<String, Object> one(ServiceSpec spec, String sql, Object arg) {
        List<Map<String, Object>> rows = system.rows(spec, sql, arg);
        assertThat(rows).as(sql + " " + arg).hasSize(1);
        return rows.get(0);
    }

    static double millisBetween(Object from, Object to) {
        return Duration.between(instant(from), instant(to)).toNanos() / 1e6;
    }

    static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return java.time.Instant.parse(value.toString());
    }

    static Figures figures(String what, List<Double> latencies, long wallNanos) {
        List<Double> millis = new ArrayList<>(latencies);
        Collections.sort(millis);
        return new Figures(what, millis.size(), BenchmarkReport.percentile(millis, 50), BenchmarkReport.percentile(millis, 99),
                millis.size() / (wallNanos / 1e9));
    }

    /** The floor: one record produced (acks=all) and consumed on the same broker, one at a time. */
    static Figures rawHop() {
        String topic = "bench-hop-" + UUID.randomUUID();
        String bootstrap = system.kafkaBootstrapServers();
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
                    BenchmarkReport.percentile(millis, 50), BenchmarkReport.percentile(millis, 99), HOPS / ((System.nanoTime() - start) / 1e9));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final List<String> DATABASE_WORK = List.of("xact_commit", "xact_rollback", "tup_returned", "tup_fetched",
            "tup_inserted", "tup_updated", "tup_deleted");

    /** Each service database's counters so far (pg_stat_database): transactions and rows. */
    static Map<ServiceSpec, long[]> databaseWork() {
        Map<ServiceSpec, long[]> work = new java.util.EnumMap<>(ServiceSpec.class);
        for (ServiceSpec spec : ServiceSpec.values()) {
            Map<String, Object> row = system.rows(spec, "select " + String.join(", ", DATABASE_WORK)
                    + " from pg_stat_database where datname = current_database()").get(0);
            work.put(spec, DATABASE_WORK.stream().mapToLong(c -> ((Number) row.get(c)).longValue()).toArray());
        }
        return work;
    }

    /** What each database did per booking with 50 concurrent clients (the statistics collector's counts, so roughly). */
    static String perBooking(Map<ServiceSpec, long[]> before, Map<ServiceSpec, long[]> after, int bookings) {
        StringBuilder out = new StringBuilder("Database work per booking with 50 concurrent clients (pg_stat_database, "
                + "which includes the services' background work meanwhile):\n\n| database | "
                + String.join(" | ", DATABASE_WORK) + " |\n|---|" + "---|".repeat(DATABASE_WORK.size()) + "\n");
        for (ServiceSpec spec : ServiceSpec.values()) {
            out.append("| ").append(spec.database());
            for (int i = 0; i < DATABASE_WORK.size(); i++) {
                out.append(String.format(" | %.1f", (after.get(spec)[i] - before.get(spec)[i]) / (double) bookings));
            }
            out.append(" |\n");
        }
        return out.toString();
    }

    /** Each table's sequential scans and the rows they read so far, by "database.table". */
    static Map<String, long[]> sequentialScans() {
        return statistics("select relname as name, seq_scan as scans, seq_tup_read as tuples from pg_stat_user_tables");
    }

    /** Each index's scans and the entries they read so far, by "database.index". */
    static Map<String, long[]> indexReads() {
        return statistics("select indexrelname as name, idx_scan as scans, idx_tup_read as tuples from pg_stat_user_indexes");
    }

    /** A statistics view's {@code scans} and {@code tuples} of every database, by "database.name". */
    static Map<String, long[]> statistics(String query) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            for (Map<String, Object> row : system.rows(spec, query)) {
                counts.put(spec.database() + "." + row.get("name"), new long[]{((Number) row.get("scans")).longValue(),
                        ((Number) row.get("tuples")).longValue()});
            }
        }
        return counts;
    }

    /** The tables read by sequential scans with 50 concurrent clients: a missing index shows here. */
    static String scansPerBooking(Map<String, long[]> before, Map<String, long[]> after, int bookings) {
        return perBookingTable("Sequential scans per booking with 50 concurrent clients (tables with any)",
                "| table | scans | rows read |", before, after, bookings, (scans, rows) -> scans > 0);
    }

    /** The indexes that read more than five entries per booking with 50 concurrent clients: a scan too wide. */
    static String indexReadsPerBooking(Map<String, long[]> before, Map<String, long[]> after, int bookings) {
        return perBookingTable("Index reads per booking with 50 concurrent clients (indexes reading more than 5 entries "
                + "per booking)", "| index | scans | entries read |", before, after, bookings, (scans, rows) -> rows > 5);
    }

    /** The scans and rows per booking of what {@code shown} picks (given both per booking), as a table. */
    static String perBookingTable(String title, String header, Map<String, long[]> before, Map<String, long[]> after,
                                  int bookings, java.util.function.BiPredicate<Double, Double> shown) {
        StringBuilder out = new StringBuilder(title + ":\n\n" + header + "\n|---|---|---|\n");
        after.forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            double scans = (now[0] - then[0]) / (double) bookings;
            double rows = (now[1] - then[1]) / (double) bookings;
            if (shown.test(scans, rows)) {
                out.append(String.format("| %s | %.2f | %.1f |%n", name, scans, rows));
            }
        });
        return out.toString();
    }

    /** CPU milliseconds used so far, by part of the system: each service, PostgreSQL, the broker. */
    static Map<String, Long> cpuMillisByProcess() {
        Map<String, Long> byPart = new java.util.TreeMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    String part = proc.getFileName().toString().equals(String.valueOf(ProcessHandle.current().pid()))
                            ? "load generator"
                            : cmdline.contains("quarkus-run.jar")
                            ? cmdline.replaceAll(".*/([a-z-]+-service)/target/quarkus-app/quarkus-run.jar.*", "$1")
                            : cmdline.contains("KafkaBrokerMain") ? "kafka broker"
                            : cmdline.contains("postgres") ? "postgresql" : null;
                    if (part != null) {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                        byPart.merge(part, ticks * 10, Long::sum); // USER_HZ is 100 on Linux
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return byPart;
        }
        return byPart;
    }

    /** Waits until no booking is pending and every email is sent: how long that took, in seconds. */
    static double secondsUntilEverythingIsSent() {
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(SagaBenchmark::nothingPending);
        return (System.nanoTime() - start) / 1e9;
    }

    /** No booking waits to be confirmed or failed, and no email to be sent. */
    static boolean nothingPending() {
        return system.count(ServiceSpec.BOOKING, "select count(*) from appointments where status = 'PENDING'") == 0
                && system.count(ServiceSpec.NOTIFICATION, "select count(*) from notification_log where status = 'PENDING'") == 0;
    }

    /** The machine's CPU time since boot, in ticks: busy (all but idle and iowait) and in all (/proc/stat). */
    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) { // user nice system idle iowait irq softirq steal
                all += Long.parseLong(cpu[i]);
            }
            return new long[]{all - Long.parseLong(cpu[4]) - Long.parseLong(cpu[5]), all};
        } catch (IOException e) {
            return new long[]{0, 0};
        }
    }

    static String table(List<Figures> rows) {
        StringBuilder out = new StringBuilder();
        out.append("Run on ").append(LocalDate.now()).append(": ").append(BenchmarkReport.machine()).append("\n\n");
        out.append("| what | n | p50 (ms) | p99 (ms) | per second |\n|---|---|---|---|---|\n");
        for (Figures f : rows) {
            out.append(String.format("| %s | %d | %.1f | %.1f | %.0f |%n", f.what(), f.count(), f.p50(), f.p99(), f.perSecond()));
        }
        return out.toString();
    }

    /** Replaces the generated section of docs/benchmarks.md with the new table. */
    static void write(String table) throws IOException {
        BenchmarkReport.write("saga-benchmark", table);
    }
}
