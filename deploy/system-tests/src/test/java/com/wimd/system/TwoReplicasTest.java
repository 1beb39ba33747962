package com.wimd.system;

import com.wimd.events.Topics;
import com.wimd.infra.QuarkusService;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


/**
 * Two instances of each service, as two pods of each Deployment would run: one broker, the same databases, the same
 * consumer groups. 200 bookings of every kind go in while one instance of each service is killed (SIGKILL) and
 * started again; then nothing may have happened twice and every saga must have ended once.
 */
class TwoReplicasTest {

    static final RunningSystem system = RunningSystem.get();
    private static final Map<ServiceSpec, QuarkusService> replicas = new EnumMap<>(ServiceSpec.class);
    /** Where clients' requests go: both instances of a service, as a Kubernetes Service spreads them, but a dead one. */
    private static final Map<ServiceSpec, List<String>> live = new ConcurrentHashMap<>();
    private static final AtomicInteger turn = new AtomicInteger();
    /** Requests on their way, by instance: none may be cut off by the kill. */
    private static final Map<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();

    /**
     * A request to one of the service's live instances, counted from the moment it is sent there until it is answered
     * (the instance is picked and counted under the lock the kill takes to drop it from the live ones).
     */
    private static io.restassured.specification.RequestSpecification to(ServiceSpec spec) {
        String instance;
        AtomicInteger counter;
        synchronized (live) {
            instance = url(spec);
            counter = IN_FLIGHT.computeIfAbsent(instance, k -> new AtomicInteger());
            counter.incrementAndGet();
        }
        return given().filter((request, response, context) -> {
            try {
                return context.next(request, response);
            } finally {
                counter.decrementAndGet();
            }
        }).baseUri(instance);
    }

    private static final int FREE = 100;
    private static final int PAID = 64;
    private static final int PACKAGES = 12; // three sessions each
    /** The consumer's session: a killed instance's partitions go to the other within seconds (45 s by default). */
    private static final Map<String, String> QUICK_SESSION = Map.of(
            "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000",
            "mp.messaging.connector.smallrye-kafka.heartbeat.interval.ms", "2000");

    /**
     * Awaitility's wait, but blind to other threads' uncaught exceptions: a killed instance leaves a server of the
     * test's (GreenMail's SMTP handler) with a reset connection, which is no failure of the system's.
     */
    private static org.awaitility.core.ConditionFactory patiently() {
        return await().dontCatchUncaughtExceptions();
    }

    record Booked(String kind, String token, String user, String bookingId, String intentId) {
    }

    private static String url(ServiceSpec spec) {
        List<String> urls = live.get(spec);
        return urls.get(Math.floorMod(turn.getAndIncrement(), urls.size()));
    }

    private static void startReplicas() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            replicas.put(spec, system.startReplica(spec, "replica-" + spec.name().toLowerCase(), QUICK_SESSION));
        }
        for (ServiceSpec spec : ServiceSpec.values()) {
            replicas.get(spec).awaitReady(Duration.ofMinutes(3));
            synchronized (live) {
                live.put(spec, List.of(system.url(spec), replicas.get(spec).baseUrl()));
            }
        }
    }

    /** The test's clients: stopped with the replicas, should the test end early, so that none books into the next. */
    private static ExecutorService clients;

    @AfterAll
    static void stopReplicas() {
        if (clients != null) {
            clients.shutdownNow();
        }
        replicas.values().forEach(QuarkusService::close);
    }

    @Test
    void two_instances_of_each_service_share_the_work_and_nothing_is_done_twice_while_one_of_each_dies() throws Exception {
        startReplicas();
        awaitBothInstancesConsume();
        String promo = "TWO" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON)
                .body(Map.of("code", promo, "max_uses", FREE)).post("/booking/admin/promo-codes").then().statusCode(201);

        List<ZonedDateTime> slots = slots(FREE + PAID + 3 * PACKAGES);
        List<Booked> booked = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        TwoReplicasTest.clients = clients;
        List<Future<?>> work = new ArrayList<>();
        int slot = 0;
        // the mix, shuffled (the same way every run) so that every kind runs through the kill
        List<String> plan = new ArrayList<>();
        plan.addAll(Collections.nCopies(FREE, "free"));
        plan.addAll(Collections.nCopies(PAID, "paid"));
        plan.addAll(Collections.nCopies(PACKAGES, "package"));
        Collections.shuffle(plan, new java.util.Random(27));
        for (String kind : plan) {
            List<ZonedDateTime> mine = kind.equals("package") ? slots.subList(slot, slot + 3) : slots.subList(slot, slot + 1);
            slot += mine.size();
            List<ZonedDateTime> times = List.copyOf(mine);
            work.add(clients.submit(() -> {
                switch (kind) {
                    case "free" -> booked.add(bookFree(promo, times.get(0)));
                    case "paid" -> booked.add(bookPaid(times.get(0)));
                    default -> booked.addAll(bookPackageSessions(times));
                }
                done.incrementAndGet();
                return null;
            }));
        }
        clients.shutdown();

        // a third of the way in, one instance of each service dies at once and comes back
        patiently().atMost(Duration.ofMinutes(5)).until(() -> done.get() >= plan.size() / 3);
        Map<ServiceSpec, Double> publishedByReplicas = new EnumMap<>(ServiceSpec.class);
        synchronized (live) {
            for (ServiceSpec spec : ServiceSpec.values()) {
                live.put(spec, List.of(system.url(spec))); // the load balancer drops it as it fails its probe
            }
        }
        for (ServiceSpec spec : ServiceSpec.values()) {
            publishedByReplicas.put(spec, published(replicas.get(spec).baseUrl()));
        }
        // what the dying instances were answering finishes (a package purchase waits up to ten seconds for its
        // payment): the test is of what the system does when a pod dies, not of a client whose request died with it
        patiently().atMost(Duration.ofSeconds(30)).until(() -> replicas.values().stream()
                .allMatch(r -> IN_FLIGHT.getOrDefault(r.baseUrl(), new AtomicInteger()).get() == 0));
        for (QuarkusService replica : replicas.values()) {
            replica.kill();
        }
        for (QuarkusService replica : replicas.values()) {
            assertThat(replica.awaitExit(Duration.ofSeconds(10))).isPresent();
        }
        // the survivors take every partition over (the dead members' sessions end)
        patiently().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(membersWithPartitions("calendar-service", Topics.BOOKING_REQUESTED)).isEqualTo(1));
        startReplicas();

        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("every client's work is done").isTrue();
        for (Future<?> each : work) {
            each.get(); // a client's failure (a refused request) fails the test here
        }
        assertThat(booked).hasSize(FREE + PAID + 3 * PACKAGES);

        // every saga ends, once
        Map<String, String> outcomes = new HashMap<>();
        for (Booked b : booked) {
            try {
                patiently().atMost(Duration.ofMinutes(3)).until(() -> ended(b, status(b)));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(b.kind() + " booking " + b.bookingId() + " never ended:\n" + explain(b), e);
            }
            outcomes.put(b.bookingId(), status(b));
        }
        for (Booked b : booked) {
            assertThat(system.count(ServiceSpec.BOOKING, "select count(*) from outbox where message_key = ? and event_type in "
                    + "('BookingConfirmed', 'BookingFailed')", b.bookingId())).as(b.kind() + " " + b.bookingId())
                    .isEqualTo(1);
        }
        assertThat(outcomes.values().stream().filter("CONFIRMED"::equals).count())
                .as("most bookings are confirmed: %s", outcomes)
                .isGreaterThanOrEqualTo(FREE + 3L * PACKAGES);

        // nothing was done twice: one calendar event, one email of each kind, one charge, at most one refund
        for (Booked b : booked) {
            String id = b.bookingId();
            boolean confirmed = outcomes.get(id).equals("CONFIRMED");
            assertThat(outcomes.get(id)).as(id).isIn("CONFIRMED", b.intentId() != null ? "REFUNDED" : "FAILED");
            // one event at Google (a retried insert names the same id); one made for a booking that failed after
            // all (its payment came too late) was deleted again
            java.util.Set<String> events = system.google.insertedEventIds(id);
            assertThat(events).as("Google events of " + id).hasSizeLessThanOrEqualTo(1);
            if (confirmed) {
                assertThat(events).as("Google events of " + id).hasSize(1);
            } else {
                events.forEach(event -> assertThat(system.google.eventDeletes(event)).as("deleted: " + event).isPositive());
            }
            assertThat(system.count(ServiceSpec.CALENDAR, "select count(*) from calendar_events where booking_id = ?::uuid "
                    + "and status = 'CREATED'", id)).as(id).isEqualTo(confirmed ? 1 : 0);
            for (Map<String, Object> row : system.rows(ServiceSpec.NOTIFICATION, "select template, channel, count(*) as n "
                    + "from notification_log where booking_id = ?::uuid group by template, channel", id)) {
                assertThat(((Number) row.get("n")).longValue()).as(id + " " + row).isEqualTo(1);
            }
            if (b.intentId() != null) {
                assertThat(system.count(ServiceSpec.PAYMENT, "select count(*) from payments where payment_intent_id = ?",
                        b.intentId())).isEqualTo(1);
                long refunds = system.count(ServiceSpec.PAYMENT, "select count(*) from sandbox_refunds "
                        + "where payment_intent_id = ?", b.intentId());
                assertThat(refunds).as("refunds of " + id).isEqualTo(confirmed ? 0 : 1);
                if (!confirmed) {
                    assertThat(CancellationSagaTest.refundedAtTheSandbox(b.intentId())).isEqualTo(15000);
                }
            }
        }
        // every email logged as sent was received (GreenMail, a real SMTP server), each once but for the few a kill cut
        // off between the SMTP server's acceptance and the log's commit: those the other instance sends again, as an
        // SMTP client must (there is no transaction across the two); see docs/decisions.md
        Set<String> users = new HashSet<>();
        booked.forEach(b -> users.add(b.user()));
        AtomicInteger doubled = new AtomicInteger();
        patiently().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            doubled.set(0);
            for (String user : users) {
                String address = user + "@example.com";
                long sent = system.count(ServiceSpec.NOTIFICATION, "select count(*) from notification_log "
                        + "where channel = 'EMAIL' and status = 'SENT' and recipient = ?", address);
                List<String> received = receivedBy(address);
                assertThat(sent).as("emails logged to " + user).isPositive();
                assertThat(new HashSet<>(received)).as("distinct emails to " + user).hasSize((int) sent);
                doubled.addAndGet(received.size() - (int) sent);
            }
        });
        assertThat(doubled.get()).as("emails received twice (only a send the kill cut off may be)").isLessThanOrEqualTo(3);

        // every event of a booking keyed by it, so each topic holds a booking's events on one partition, in order
        assertEveryEventKeyedByItsBooking(booked);

        // the outbox relays shared the work, and the groups are back to two members each
        double publishedByPrimaries = published(system.url(ServiceSpec.BOOKING));
        assertThat(publishedByReplicas.get(ServiceSpec.BOOKING) + published(replicas.get(ServiceSpec.BOOKING).baseUrl()))
                .as("booking-service's second instance relayed some events").isPositive();
        assertThat(publishedByPrimaries).as("and its first instance too").isPositive();
        awaitBothInstancesConsume();
    }

    /**
     * Open slots from the sixth week on (FaultRunTest takes the weeks before), never on a day another system test takes
     * fixed slots on (one weekday a week, and ResilienceTest's runs of fifty with their backups a week later), so that
     * whichever runs first, each finds its slots open.
     */
    private static List<ZonedDateTime> slots(int count) {
        LocalDate today = LocalDate.now(FreeBookingSagaTest.TORONTO);
        Set<LocalDate> othersDays = new HashSet<>();
        for (int week = 0; week <= 20; week++) {
            othersDays.add(FreeBookingSagaTest.weekdayAt(week, 9, 0).toLocalDate());
        }
        LocalDate blocked = FreeBookingSagaTest.weekdayAt(10, 9, 0).toLocalDate(); // BlockDateSagaTest's, with its backup
        othersDays.addAll(List.of(blocked.minusDays(1), blocked.plusDays(1)));
        for (int[] run : new int[][] {{6, 2}, {8, 50}, {11, 50}}) {
            ResilienceTest.slots(run[0], run[1]).forEach(slot -> {
                othersDays.add(slot.toLocalDate());
                othersDays.add(slot.toLocalDate().plusWeeks(1)); // its free bookings' backups, a week later
            });
        }
        List<String> open = given().baseUri(system.url(ServiceSpec.BOOKING))
                .queryParam("start_date", today.plusDays(42).toString()).queryParam("end_date", today.plusDays(89).toString())
                .get("/booking/availability").then().statusCode(200).extract().jsonPath().getList("available_slots.datetime");
        List<ZonedDateTime> slots = open.stream()
                .map(s -> OffsetDateTime.parse(s).atZoneSameInstant(FreeBookingSagaTest.TORONTO))
                .filter(s -> !othersDays.contains(s.toLocalDate())).sorted().limit(count).toList();
        assertThat(slots).as("open slots for the run").hasSize(count);
        return slots;
    }

    private static String phone(int n) {
        return String.format("(416) 555-%04d", 100 + Math.floorMod(n, 100));
    }

    private static Booked bookFree(String promo, ZonedDateTime slot) {
        String user = "two-free-" + UUID.randomUUID();
        String token = TestTokens.client(user);
        Response accepted = to(ServiceSpec.BOOKING).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(), "user_phone", phone(slot.getMinute()),
                        "promo_code", promo))
                .post("/booking/create-free");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        return new Booked("free", token, user, accepted.jsonPath().getString("booking_id"), null);
    }

    private static Booked bookPaid(ZonedDateTime slot) {
        String user = "two-paid-" + UUID.randomUUID();
        String token = TestTokens.client(user);
        String intent = paidIntent(token, "single");
        Response accepted = to(ServiceSpec.BOOKING).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(), "user_phone", phone(slot.getHour()),
                        "currency", "CAD", "stripe_payment_intent_id", intent))
                .post("/booking/create-paid-single");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        return new Booked("paid", token, user, accepted.jsonPath().getString("booking_id"), intent);
    }

    private static String paidIntent(String token, String product) {
        Response intent = to(ServiceSpec.PAYMENT).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("product", product, "currency", "CAD")).post("/payments/intents");
        assertThat(intent.statusCode()).as(intent.asString()).isEqualTo(201);
        String id = intent.jsonPath().getString("payment_intent_id");
        Response paid = to(ServiceSpec.PAYMENT).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("card_number", PaidBookingSagaTest.VISA)).post("/payments/sandbox/intents/" + id + "/confirm");
        assertThat(paid.statusCode()).as(paid.asString()).isBetween(200, 299);
        return id;
    }

    /** A package bought, then its three sessions booked one at a time (each once the one before is confirmed). */
    private static List<Booked> bookPackageSessions(List<ZonedDateTime> times) {
        String user = "two-package-" + UUID.randomUUID();
        String token = TestTokens.client(user);
        String intent = paidIntent(token, "package");
        Response bought = to(ServiceSpec.BOOKING).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currency", "CAD", "stripe_payment_intent_id", intent)).post("/booking/create-paid-package");
        assertThat(bought.statusCode()).as(bought.asString()).isIn(201, 202);
        String packageId = bought.jsonPath().getString("package_id");
        patiently().atMost(Duration.ofMinutes(2)).until(() -> "ACTIVE".equals(to(ServiceSpec.BOOKING)
                .auth().oauth2(token).get("/booking/packages/" + packageId).jsonPath().getString("status")));
        List<Booked> sessions = new ArrayList<>();
        for (ZonedDateTime time : times) {
            Response accepted = to(ServiceSpec.BOOKING).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("package_id", packageId, "scheduled_datetime", time.toOffsetDateTime().toString(),
                            "user_phone", phone(time.getDayOfMonth())))
                    .post("/booking/use-package-session");
            assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
            Booked session = new Booked("package", token, user, accepted.jsonPath().getString("booking_id"), null);
            patiently().atMost(Duration.ofMinutes(2)).until(() -> ended(session, status(session)));
            sessions.add(session);
        }
        return sessions;
    }

    /**
     * Whether a booking's saga has ended: confirmed, or failed with everything given back (a paid one, its money:
     * REFUNDED; a free or package one, its promo use or credit: FAILED).
     */
    private static boolean ended(Booked b, String status) {
        return status.equals("CONFIRMED") || status.equals(b.intentId() != null ? "REFUNDED" : "FAILED");
    }

    /** Where a booking stands in every database, and what every instance logged about it. */
    private static String explain(Booked b) {
        StringBuilder out = new StringBuilder();
        out.append(system.rows(ServiceSpec.BOOKING, "select status, saga_status, payment_step, calendar_step, "
                + "step_started_at from appointments where id = ?::uuid", b.bookingId())).append('\n');
        for (ServiceSpec spec : ServiceSpec.values()) {
            out.append(spec).append(" outbox: ").append(system.rows(spec, "select event_type, occurred_at, published_at, "
                    + "parked_at from outbox where message_key = ? order by occurred_at", b.bookingId())).append('\n');
        }
        out.append(system.trace(b.token(), b.bookingId()));
        for (QuarkusService replica : replicas.values()) {
            out.append("\n--- replica ").append(replica.spec()).append(" ---\n");
            try {
                java.nio.file.Files.readAllLines(replica.log()).stream().filter(line -> line.contains(b.bookingId())
                        || line.contains("ERROR")).forEach(line -> out.append(line, 0, Math.min(400, line.length())).append('\n'));
            } catch (java.io.IOException e) {
                out.append(e.getMessage());
            }
        }
        return out.toString();
    }

    private static String status(Booked b) {
        return to(ServiceSpec.BOOKING).auth().oauth2(b.token()).get("/booking/" + b.bookingId())
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    /** The emails GreenMail received for an address, each as its subject and text (a resend is the same). */
    private static List<String> receivedBy(String address) {
        List<String> received = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : system.smtp.getReceivedMessages()) {
            try {
                if (java.util.Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                    received.add(message.getSubject() + "\n" + text(message));
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }

    /** The text/plain part of a message (its MIME boundaries differ from one send to the next; this does not). */
    private static String text(jakarta.mail.Part part) throws jakarta.mail.MessagingException {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many events this instance's relay put on the broker since it started (its outbox_published_total). */
    private static double published(String baseUrl) {
        String metrics = given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("outbox_published_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        return Admin.create(config);
    }

    /** How many members of the group hold a partition of the topic. */
    private static long membersWithPartitions(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                    .get(group);
            return description.members().stream().map(MemberDescription::assignment)
                    .filter(a -> a.topicPartitions().stream().anyMatch(p -> p.topic().equals(topic))).count();
        }
    }

    /** Both instances of each service hold partitions of a topic it reads (three partitions: two and one). */
    private static void awaitBothInstancesConsume() {
        Map<String, String> readers = Map.of("booking-service", Topics.CALENDAR_EVENT_CREATED,
                "payment-service", Topics.BOOKING_REQUESTED, "calendar-service", Topics.BOOKING_REQUESTED,
                "notification-service", Topics.BOOKING_CONFIRMED);
        patiently().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            for (var reader : readers.entrySet()) {
                assertThat(membersWithPartitions(reader.getKey(), reader.getValue())).as(reader.toString()).isEqualTo(2);
            }
        });
    }

    /**
     * Reads every contract topic from the start: each event about these bookings is keyed by its booking. (An event may
     * be there twice: a relay killed between the broker's answer and its commit sends it again; the consumers' inbox
     * takes it once, which the checks above show by its effects.)
     */
    private static void assertEveryEventKeyedByItsBooking(List<Booked> booked) {
        Set<String> ours = new HashSet<>();
        booked.forEach(b -> ours.add(b.bookingId()));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Set<Integer>> partitionsOfKey = new HashMap<>();
        int matched = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.all()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String mentioned = ours.stream().filter(id -> record.value().contains("\"booking_id\":\"" + id + "\""))
                            .findFirst().orElse(null);
                    if (mentioned == null) {
                        continue;
                    }
                    matched++;
                    assertThat(record.key()).as(record.topic() + " " + record.value()).isEqualTo(mentioned);
                    partitionsOfKey.computeIfAbsent(record.topic() + "/" + mentioned, k -> new HashSet<>())
                            .add(record.partition());
                }
            }
        }
        assertThat(matched).as("records of these bookings").isGreaterThanOrEqualTo(3 * booked.size());
        assertThat(partitionsOfKey).allSatisfy((key, parts) -> assertThat(parts).as(key).hasSize(1));
    }
}
