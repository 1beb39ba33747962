package com.wimd.booking.appointments.api;

import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRequested;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.wimd.booking.BookingApi.concurrently;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class FreeBookingTest {

    static final String ALICE = "alice-" + UUID.randomUUID();
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    static Map<String, Object> body(ZonedDateTime slot, ZonedDateTime backup, String phone) {
        return Map.of(
                "scheduled_datetime", slot.toOffsetDateTime().toString(),
                "backup_datetime", backup == null ? "" : backup.toOffsetDateTime().toString(),
                "user_phone", phone,
                "promo_code", "WIMD25");
    }

    static Response book(String user, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.client(user)).contentType(ContentType.JSON).body(body)
                .post("/booking/create-free");
    }

    static UUID bookOk(String user, ZonedDateTime slot) {
        Response response = book(user, body(slot, Slots.next(), "(416) 555-0199"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        return UUID.fromString(response.jsonPath().getString("booking_id"));
    }

    @Test
    void several_bookings_made_at_once_may_name_the_same_backup_slot_because_a_backup_is_not_held() throws Exception {
        Database.update("update promo_codes set uses_remaining = greatest(uses_remaining, 10) where code = 'WIMD25'");
        List<ZonedDateTime> slots = List.of(Slots.next(), Slots.next(), Slots.next(), Slots.next(), Slots.next(), Slots.next());
        ZonedDateTime sharedBackup = Slots.next();

        List<Response> responses = concurrently(slots.size(), i -> book("sharer-" + i + "-" + UUID.randomUUID(),
                body(slots.get(i), sharedBackup, "+1 416 555 0199")));

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(202));
    }

    static String status(String user, UUID booking) {
        return given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    @Test
    void promo_lookup_answers_valid_and_uses_remaining_without_sign_in() {
        int remaining = Database.promoUsesRemaining();
        given().get("/booking/promo/wimd25").then().statusCode(200)
                .body("valid", equalTo(remaining > 0)).body("uses_remaining", equalTo(remaining));
        given().get("/booking/promo/NOPE").then().statusCode(200)
                .body("valid", equalTo(false)).body("uses_remaining", equalTo(0));
    }

    @Test
    void a_free_booking_holds_the_slot_takes_a_promo_use_and_emits_booking_requested() {
        int before = Database.promoUsesRemaining();
        ZonedDateTime slot = Slots.next();
        UUID booking = bookOk(ALICE, slot);

        assertThat(Database.promoUsesRemaining()).isEqualTo(before - 1);
        given().auth().oauth2(TestTokens.client(ALICE)).get("/booking/" + booking).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("user_phone", equalTo("+14165550199"))
                .body("saga.status", equalTo("STARTED"))
                .body("saga.steps.payment", equalTo("NOT_REQUIRED"))
                .body("saga.steps.calendar", equalTo("PENDING"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope<com.wimd.events.EventPayload>> events = kafka.eventsFor(Topics.BOOKING_REQUESTED, booking);
            assertThat(events).hasSize(1);
            BookingRequested requested = (BookingRequested) events.get(0).payload();
            assertThat(requested.slotStart()).isEqualTo(slot.toInstant());
            assertThat(requested.slotEnd()).isEqualTo(slot.toInstant().plusSeconds(1800));
            assertThat(requested.client().phone()).isEqualTo("+14165550199");
            assertThat(requested.client().userId()).isEqualTo(ALICE);
            assertThat(requested.promoCode()).isEqualTo("WIMD25");
        });
    }

    @Test
    void behind_the_ingress_the_status_location_names_the_public_host_not_the_services() {
        Response response = given().auth().oauth2(TestTokens.client(ALICE)).contentType(ContentType.JSON)
                .header("X-Forwarded-Host", "coach.example").header("X-Forwarded-Proto", "https")
                .body(body(Slots.next(), Slots.next(), "(416) 555-0199")).post("/booking/create-free");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.header("Location"))
                .isEqualTo("https://coach.example/booking/" + response.jsonPath().getString("booking_id"));
    }

    @Test
    void the_calendar_event_confirms_the_booking_once_even_when_the_event_is_delivered_twice() {
        UUID booking = bookOk(ALICE, Slots.next());
        EventEnvelope<CalendarEventCreated> created = EventEnvelope.first(
                new CalendarEventCreated(booking, "evt-" + booking, Instant.now(), Instant.now()), Instant.now());
        kafka.publish(created);
        kafka.publish(created); // redelivery: same event id

        // A marker behind the duplicate on the same partition: once it is handled, so is the duplicate.
        UUID marker = bookOk(ALICE, Slots.next());
        kafka.publishRaw(Topics.CALENDAR_EVENT_CREATED, booking.toString(), com.wimd.events.EventCodec.encode(
                EventEnvelope.first(new CalendarEventCreated(marker, "evt-marker", Instant.now(), Instant.now()),
                        Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(status(ALICE, marker)));

        assertThat(status(ALICE, booking)).isEqualTo("CONFIRMED");
        assertThat(Database.count("select count(*) from outbox where message_key = ? and event_type = 'BookingConfirmed'",
                booking.toString())).isEqualTo(1);
        assertThat(Database.count("select count(*) from inbox where event_id = ?", created.eventId())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var confirmed = kafka.eventsFor(Topics.BOOKING_CONFIRMED, booking);
            assertThat(confirmed).hasSize(1);
            assertThat(((BookingConfirmed) confirmed.get(0).payload()).calendarEventId()).isEqualTo("evt-" + booking);
            assertThat(confirmed.get(0).causationId()).isEqualTo(created.eventId());
        });
    }

    @Test
    void a_calendar_failure_fails_the_booking_and_releases_the_slot_and_the_promo_use() {
        ZonedDateTime slot = Slots.next();
        int before = Database.promoUsesRemaining();
        UUID booking = bookOk(ALICE, slot);
        assertThat(Database.promoUsesRemaining()).isEqualTo(before - 1);

        kafka.publish(EventEnvelope.first(new CalendarEventFailed(booking, "calendar down"), Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(ALICE, booking)));
        given().auth().oauth2(TestTokens.client(ALICE)).get("/booking/" + booking).then()
                .body("saga.status", equalTo("ABORTED"))
                .body("saga.steps.calendar", equalTo("FAILED"));
        assertThat(Database.promoUsesRemaining()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.BOOKING_FAILED, booking)).singleElement()
                        .satisfies(e -> assertThat(((BookingFailed) e.payload()).client().userId()).isEqualTo(ALICE)));

        // the slot is free again: someone else can book it
        bookOk("bob-" + UUID.randomUUID(), slot);
    }

    @Test
    void two_concurrent_bookings_of_one_slot_give_one_success_and_one_409() throws Exception {
        ZonedDateTime slot = Slots.next();
        int before = Database.promoUsesRemaining();
        List<Response> responses = concurrently(2, i -> book("racer-" + i + "-" + UUID.randomUUID(),
                body(slot, null, "+1 416 555 0199")));

        assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 409);
        Response loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.jsonPath().getString("type")).isEqualTo("urn:problem-type:slot-unavailable");
        assertThat(loser.jsonPath().getString("field")).isEqualTo("scheduled_datetime");
        assertThat(Database.count("select count(*) from appointments where scheduled_at = ?",
                java.sql.Timestamp.from(slot.toInstant()))).isEqualTo(1);
        assertThat(Database.promoUsesRemaining()).as("the loser's promo use is given back").isEqualTo(before - 1);
    }

    @Test
    void parallel_bookings_never_take_more_promo_uses_than_remain() throws Exception {
        int saved = Database.promoUsesRemaining();
        Database.update("update promo_codes set uses_remaining = 3 where code = 'WIMD25'");
        try {
            List<ZonedDateTime> slots = IntStream.range(0, 8).mapToObj(i -> Slots.next()).toList();
            List<Response> responses = concurrently(8, i -> book("crowd-" + i + "-" + UUID.randomUUID(),
                    body(slots.get(i), null, "+1 416 555 0199")));

            assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(3);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                    .hasSize(5)
                    .allSatisfy(r -> assertThat(r.jsonPath().getString("type")).isEqualTo("urn:problem-type:promo-exhausted"));
            assertThat(Database.promoUsesRemaining()).isZero();
        } finally {
            Database.update("update promo_codes set uses_remaining = ? where code = 'WIMD25'", saved);
        }
    }

    @Test
    void my_appointments_lists_only_the_callers_upcoming_bookings_soonest_first() {
        String carol = "carol-" + UUID.randomUUID();
        ZonedDateTime first = Slots.next();
        ZonedDateTime second = Slots.next();
        UUID b2 = bookOk(carol, second);
        UUID b1 = bookOk(carol, first);
        bookOk("dave-" + UUID.randomUUID(), Slots.next());

        given().auth().oauth2(TestTokens.client(carol)).get("/booking/my-appointments").then().statusCode(200)
                .body("upcoming.booking_id", org.hamcrest.Matchers.contains(b1.toString(), b2.toString()))
                .body("past", org.hamcrest.Matchers.empty())
                .body("packages", org.hamcrest.Matchers.empty());
    }
}
