package com.wimd.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.wimd.events.EventType;
import com.wimd.events.Topics;
import com.wimd.infra.ServiceSpec;
import com.wimd.infra.reconcile.Reconcile;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.restassured.response.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpClient;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga never stalls: with fifty bookings of all three kinds in flight, PostgreSQL stops for 30 s (then the
 * broker restarts); every booking still ends, every channel is up, and reconciliation finds nothing wrong. Poison
 * messages on every topic are parked without stopping anything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceTest {

    /** Started once per test JVM (the first class to load starts it). */
    static final RunningSystem system = RunningSystem.get();
    static final Duration SETTLE = Duration.ofSeconds(60);

    @BeforeAll
    static void start() {
        system.update(ServiceSpec.BOOKING, "update promo_codes set max_uses = 10000, uses_remaining = 10000 where code = 'WIMD25'");
    }

    /** One booking in flight: whose it is, and what it must end as. */
    record InFlight(String token, String bookingId, String kind, Set<String> finalStates) {
    }

    /** Distinct slots on weekdays from the given week ahead (09:00 to 15:30, so a backup an hour later fits too). */
    static List<ZonedDateTime> slots(int weeksAhead, int count) {
        List<ZonedDateTime> slots = new ArrayList<>();
        LocalDate day = LocalDate.now(FreeBookingSagaTest.TORONTO).plusWeeks(weeksAhead);
        while (slots.size() < count) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                for (int i = 0; i < 14 && slots.size() < count; i++) {
                    slots.add(ZonedDateTime.of(day, LocalTime.of(9, 0).plusMinutes(30L * i), FreeBookingSagaTest.TORONTO));
                }
            }
            day = day.plusDays(1);
        }
        return slots;
    }

    /**
     * Prepares 17 free, 17 paid (intents paid by test card) and 16 package bookings (six packages), then sends the
     * fifty requests at once; answers the accepted bookings.
     */
    static List<InFlight> fiftyBookings(int weeksAhead) throws Exception {
        List<ZonedDateTime> slots = slots(weeksAhead, 50);
        List<Callable<InFlight>> requests = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            String token = PaidBookingSagaTest.newClient("free");
            ZonedDateTime slot = slots.get(i);
            requests.add(() -> accepted(token, "FREE", bookFree(token, slot), Set.of("CONFIRMED")));
        }
        for (int i = 17; i < 34; i++) {
            String token = PaidBookingSagaTest.newClient("paid");
            String intent = PaidBookingSagaTest.paidIntent(token, "single", "CAD");
            ZonedDateTime slot = slots.get(i);
            // paid before the outage: the outage must not fail it, though its (test-short) hold runs out meanwhile
            requests.add(() -> accepted(token, "PAID", PaidBookingSagaTest.bookPaid(token, slot, "(416) 555-0102", intent),
                    Set.of("CONFIRMED")));
        }
        String packageToken = null;
        String packageId = null;
        for (int i = 34; i < 50; i++) {
            if ((i - 34) % 3 == 0) {
                packageToken = PaidBookingSagaTest.newClient("bundle");
                packageId = PaidBookingSagaTest.boughtPackage(packageToken, "USD");
            }
            String token = packageToken;
            String pkg = packageId;
            ZonedDateTime slot = slots.get(i);
            requests.add(() -> accepted(token, "PACKAGE", PaidBookingSagaTest.usePackage(token, pkg, slot, "(416) 555-0103"),
                    Set.of("CONFIRMED")));
        }
        return AtOnce.call(requests);
    }

    /** A free booking whose backup is the same time a week later, a week no booking here takes. */
    static Response bookFree(String token, ZonedDateTime slot) {
        return given().baseUri(system.url(ServiceSpec.BOOKING)).auth().oauth2(token)
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                        "backup_datetime", slot.plusWeeks(1).toOffsetDateTime().toString(),
                        "user_phone", "(416) 555-0101", "promo_code", "WIMD25"))
                .post("/booking/create-free");
    }

    static InFlight accepted(String token, String kind, Response response, Set<String> finalStates) {
        assertThat(response.statusCode()).as(() -> kind + ": " + response.asString() + "\nlive appointments: "
                + system.rows(ServiceSpec.BOOKING, "select id, scheduled_at, backup_at, booking_type, status from appointments "
                + "where status in ('PENDING', 'CONFIRMED') order by scheduled_at")).isEqualTo(202);
        return new InFlight(token, response.jsonPath().getString("booking_id"), kind, finalStates);
    }

    /** Waits until every booking has ended as it must; on a timeout, explains the first that did not. */
    static void awaitAllSettled(List<InFlight> bookings) {
        Map<String, String> last = new HashMap<>();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                boolean all = true;
                for (InFlight b : bookings) {
                    String status = FreeBookingSagaTest.status(b.token(), b.bookingId());
                    last.put(b.bookingId(), status);
                    all &= b.finalStates().contains(status);
                }
                return all;
            });
        } catch (ConditionTimeoutException e) {
            InFlight stuck = bookings.stream().filter(b -> !b.finalStates().contains(last.get(b.bookingId())))
                    .findFirst().orElseThrow();
            throw new AssertionError("not settled: " + tally(bookings, last) + "\n" + system.trace(stuck.token(), stuck.bookingId()), e);
        }
        System.out.println("settled: " + tally(bookings, last));
    }

    static Map<String, Long> tally(List<InFlight> bookings, Map<String, String> status) {
        return bookings.stream().collect(Collectors.groupingBy(b -> b.kind() + " " + status.get(b.bookingId()),
                TreeMap::new, Collectors.counting()));
    }

    static int status(ServiceSpec spec, String path) {
        return given().baseUri(system.url(spec)).get(path).statusCode();
    }

    /** Holds an outage open for {@code outage}, checking all along that every service stays alive. */
    static void everyServiceStaysAliveFor(Duration outage) {
        Map<ServiceSpec, String> dead = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            await().during(outage).atMost(outage.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        for (ServiceSpec spec : ServiceSpec.values()) {
                            Response live = given().baseUri(system.url(spec)).get("/q/health/live");
                            if (live.statusCode() != 200) {
                                dead.put(spec, live.statusCode() + " " + live.asString());
                                return false;
                            }
                        }
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("a service said it was not alive during the outage: " + dead, e);
        }
    }

    /** Every service is up: live (no channel dead) and ready (database, broker, every channel). */
    static void awaitAllHealthy() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            try {
                await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).until(() ->
                        given().baseUri(system.url(spec)).get("/q/health").statusCode() == 200);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(spec + " is not healthy: "
                        + given().baseUri(system.url(spec)).get("/q/health").asString(), e);
            }
        }
    }

    static Map<String, List<JsonNode>> reconciliation() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String coach = TestTokens.coach("coach");
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        reports.put("booking", Reconcile.fetch(http, system.url(ServiceSpec.BOOKING), coach));
        reports.put("payment", Reconcile.fetch(http, system.url(ServiceSpec.PAYMENT), coach));
        reports.put("calendar", Reconcile.fetch(http, system.url(ServiceSpec.CALENDAR), coach));
        reports.put("notification", Reconcile.fetch(http, system.url(ServiceSpec.NOTIFICATION), coach));
        return Reconcile.combine(reports, Instant.now());
    }

    static void assertReconciliationEmpty() {
        assertNothingNewInReconciliation(Map.of());
    }

    /**
     * The reconciliation report lists nothing it did not list in {@code before}: what the tests before left there on
     * purpose (the poison messages this class parks) is not the caller's to answer for.
     */
    static void assertNothingNewInReconciliation(Map<String, List<JsonNode>> before) {
        // the last reports of a settled saga (a refund, a deleted event) may still be on their way for a moment
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, List<JsonNode>> report = reconciliation();
                    report.forEach((list, items) -> items.removeAll(before.getOrDefault(list, List.of())));
                    assertThat(Reconcile.healthy(report)).as(report.toString()).isTrue();
                });
    }

    @Test
    @Order(1)
    void a_thirty_second_database_outage_with_fifty_bookings_in_flight_stalls_nothing() throws Exception {
        List<InFlight> bookings = fiftyBookings(8);

        system.stopPostgres();
        try {
            // each service soon says it is not ready (its database is down)...
            for (ServiceSpec spec : ServiceSpec.values()) {
                await().atMost(Duration.ofSeconds(20)).until(() -> status(spec, "/q/health/ready") == 503);
            }
            // ...and stays alive for the whole outage: no channel dies while its handler retries
            everyServiceStaysAliveFor(Duration.ofSeconds(30));
        } finally {
            system.startPostgres(); // whatever happened, the next tests find the database back
        }

        awaitAllSettled(bookings);
        awaitAllHealthy();
        assertReconciliationEmpty();
    }

    @Test
    @Order(2)
    void a_broker_restart_with_fifty_bookings_in_flight_stalls_nothing() throws Exception {
        List<InFlight> bookings = fiftyBookings(11);

        system.stopKafka();
        try {
            everyServiceStaysAliveFor(Duration.ofSeconds(15));
        } finally {
            system.startKafka(); // whatever happened, the next tests find the broker back
        }

        awaitAllSettled(bookings);
        awaitAllHealthy();
        assertReconciliationEmpty();
    }

    /** Who consumes each topic for the saga (the README's table). */
    static final Map<String, List<ServiceSpec>> SAGA_CONSUMERS = Map.ofEntries(
            Map.entry(Topics.BOOKING_REQUESTED, List.of(ServiceSpec.CALENDAR, ServiceSpec.PAYMENT)),
            Map.entry(Topics.PAYMENT_SUCCEEDED, List.of(ServiceSpec.BOOKING, ServiceSpec.CALENDAR)),
            Map.entry(Topics.PAYMENT_FAILED, List.of(ServiceSpec.BOOKING)),
            Map.entry(Topics.PAYMENT_REFUNDED, List.of(ServiceSpec.BOOKING, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.PACKAGE_PURCHASE_REQUESTED, List.of(ServiceSpec.PAYMENT)),
            Map.entry(Topics.PACKAGE_PAYMENT_SUCCEEDED, List.of(ServiceSpec.BOOKING, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.PACKAGE_PAYMENT_FAILED, List.of(ServiceSpec.BOOKING, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.PACKAGE_PURCHASE_FAILED, List.of(ServiceSpec.PAYMENT)),
            Map.entry(Topics.CALENDAR_EVENT_CREATED, List.of(ServiceSpec.BOOKING)),
            Map.entry(Topics.CALENDAR_EVENT_FAILED, List.of(ServiceSpec.BOOKING)),
            Map.entry(Topics.BOOKING_CONFIRMED, List.of(ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.BOOKING_FAILED, List.of(ServiceSpec.NOTIFICATION, ServiceSpec.PAYMENT, ServiceSpec.CALENDAR)),
            Map.entry(Topics.ORPHAN_PAYMENT_REFUNDED, List.of(ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.REFUND_FAILED, List.of(ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.BOOKING_CANCELLED, List.of(ServiceSpec.PAYMENT, ServiceSpec.CALENDAR, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.LATE_FEE_CHARGED, List.of(ServiceSpec.BOOKING, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.FEE_CHARGE_FAILED, List.of(ServiceSpec.BOOKING, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.RESCHEDULE_REQUESTED, List.of(ServiceSpec.PAYMENT)),
            Map.entry(Topics.BOOKING_RESCHEDULED, List.of(ServiceSpec.CALENDAR, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.RESCHEDULE_WITHDRAWN, List.of(ServiceSpec.PAYMENT, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.COACH_BUSY_TIMES_CHANGED, List.of(ServiceSpec.BOOKING)),
            Map.entry(Topics.COACH_CALENDAR_SYNCED, List.of(ServiceSpec.BOOKING, ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.DATE_BLOCKED, List.of(ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.PAYMENT_TOTALS_CHANGED, List.of(ServiceSpec.BOOKING)),
            Map.entry(Topics.NOTIFICATION_PREFERENCES_CHANGED, List.of(ServiceSpec.NOTIFICATION)),
            Map.entry(Topics.MESSAGE_PARKED, List.of(ServiceSpec.NOTIFICATION)));

    /**
     * Every channel reading each topic: the saga's consumers, plus booking-service's timeline, which reads every
     * topic about one saga in its own consumer group (so booking-service parks a poison there once per channel).
     */
    static final Map<String, List<ServiceSpec>> CONSUMERS = Arrays.stream(EventType.values())
            .collect(Collectors.toMap(EventType::topic, type -> {
                List<ServiceSpec> channels = new ArrayList<>(SAGA_CONSUMERS.getOrDefault(type.topic(), List.of()));
                if (type.aboutOneSaga()) {
                    channels.add(ServiceSpec.BOOKING);
                }
                return List.copyOf(channels);
            }));

    @Test
    @Order(3)
    void a_poison_message_on_every_topic_is_parked_by_each_consumer_and_the_saga_goes_on() {
        assertThat(CONSUMERS.keySet()).containsExactlyInAnyOrder(Topics.all());
        assertThat(Topics.all()).containsAll(SAGA_CONSUMERS.keySet());
        CONSUMERS.forEach((topic, channels) -> assertThat(channels).as("who reads " + topic).isNotEmpty());
        KafkaTestClient kafka = new KafkaTestClient(system.kafkaBootstrapServers());
        Map<String, String> poisonKeys = new HashMap<>();
        for (String topic : Topics.all()) {
            String key = UUID.randomUUID().toString();
            poisonKeys.put(topic, key);
            kafka.publishRaw(topic, key, "{\"event_type\":\"" + topic + "\",\"event_version\":1,\"payload\":\"not an event\"}");
        }

        // the next messages are handled: a free and a paid booking go through every step
        String token = PaidBookingSagaTest.newClient("after-poison");
        List<ZonedDateTime> slots = slots(6, 2); // within the 90-day horizon (a free booking takes the next week as backup)
        String free = accepted(token, "FREE", bookFree(token, slots.get(0)), Set.of("CONFIRMED")).bookingId();
        String paid = accepted(token, "PAID", PaidBookingSagaTest.bookPaid(token, slots.get(1), "(416) 555-0104",
                PaidBookingSagaTest.paidIntent(token, "single", "CAD")), Set.of("CONFIRMED")).bookingId();
        PaidBookingSagaTest.awaitStatus(token, free, "CONFIRMED");
        PaidBookingSagaTest.awaitStatus(token, paid, "CONFIRMED");

        CONSUMERS.forEach((topic, channels) -> {
            for (ServiceSpec service : Set.copyOf(channels)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        given().baseUri(system.url(service)).auth().oauth2(TestTokens.coach("coach"))
                                .get("/admin/parked-messages").then().statusCode(200).extract().jsonPath()
                                .<Map<String, Object>>getList(""))
                        .as(service + " parks the poison on " + topic)
                        .anySatisfy(m -> {
                            assertThat(m.get("topic")).isEqualTo(topic);
                            assertThat(m.get("booking_id")).isEqualTo(poisonKeys.get(topic));
                        }));
                assertThat(kafka.recordsFor(Topics.deadLetters(service.module()), poisonKeys.get(topic)))
                        .as(service + "'s dead-letter topic, once per channel reading " + topic)
                        .hasSize(Collections.frequency(channels, service));
            }
        });
        awaitAllHealthy();
    }
}
