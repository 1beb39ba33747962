package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingRequested;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.EventPayload;
import com.wimd.events.NotificationPreferences;
import com.wimd.events.NotificationPreferencesChanged;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * How the client hears about a booking (issue 11): the zone the booking page sends and the channels the client
 * chooses are stored with the booking, shown with it, and carried by the Client of every event about it; the client
 * changes the channels later with one PUT, announced once.
 */
@QuarkusTest
class NotificationPreferencesTest {

    static final String CODE = "PREFS" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    final String user = "listener-" + UUID.randomUUID();
    KafkaTestClient kafka;

    @BeforeAll
    static void promoCode() {
        Database.update("insert into promo_codes (code, max_uses, uses_remaining, active) values (?, 50, 50, true)", CODE);
    }

    @BeforeEach
    void connect() {
        kafka = BookingApi.kafka();
    }

    static Map<String, Object> freeBooking() {
        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", Slots.next().toOffsetDateTime().toString());
        body.put("user_phone", "+1 416 555 0199");
        body.put("promo_code", CODE);
        return body;
    }

    Response put(String token, UUID booking, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/booking/" + booking + "/notification-preferences");
    }

    Response choose(UUID booking, Object body) {
        return put(TestTokens.client(user), booking, body);
    }

    <E extends EventPayload> E theOnly(String topic, UUID booking, Class<E> type) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> kafka.eventsFor(topic, booking), events -> events.size() == 1)
                .stream().map(e -> type.cast(e.payload())).findFirst().orElseThrow();
    }

    void confirm(UUID booking) {
        kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "evt-" + booking, Instant.now(), Instant.now()),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(BookingApi.status(user, booking)));
    }

    String stored(UUID booking) {
        return Database.text("select coalesce(client_zone, '-') || ' ' || notify_email || ' ' || notify_inapp || ' ' "
                + "|| notify_sms from appointments where id = ?", booking);
    }

    @Test
    void the_clients_zone_and_channels_reach_the_booking_requested_and_booking_confirmed_events() {
        Map<String, Object> body = freeBooking();
        body.put("client_timezone", "Europe/Paris");
        body.put("notification_preferences", Map.of("inapp", false, "sms", true));
        UUID booking = BookingApi.accepted(user, "/booking/create-free", body);
        NotificationPreferences chosen = new NotificationPreferences(true, false, true); // email left out: its default

        Client requested = theOnly(Topics.BOOKING_REQUESTED, booking, BookingRequested.class).client();
        assertThat(requested.zone()).isEqualTo("Europe/Paris");
        assertThat(requested.channels()).as("SMS is chosen and kept while SMS is off").isEqualTo(chosen);

        confirm(booking);
        Client confirmed = theOnly(Topics.BOOKING_CONFIRMED, booking, BookingConfirmed.class).client();
        assertThat(confirmed.zone()).isEqualTo("Europe/Paris");
        assertThat(confirmed.channels()).isEqualTo(chosen);
    }

    @Test
    void the_booking_shows_its_zone_and_channels_to_its_owner() {
        Map<String, Object> body = freeBooking();
        body.put("client_timezone", " Asia/Kolkata ");
        body.put("notification_preferences", Map.of("email", false));
        UUID booking = BookingApi.accepted(user, "/booking/create-free", body);

        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then().statusCode(200)
                .body("client_timezone", equalTo("Asia/Kolkata"))
                .body("notification_preferences.email", equalTo(false))
                .body("notification_preferences.inapp", equalTo(true))
                .body("notification_preferences.sms", equalTo(false));
        Response mine = given().auth().oauth2(TestTokens.client(user)).get("/booking/my-appointments");
        assertThat(mine.jsonPath().getString("upcoming.find { it.booking_id == '" + booking + "' }.client_timezone"))
                .isEqualTo("Asia/Kolkata");
        assertThat(mine.jsonPath().getBoolean("upcoming.find { it.booking_id == '" + booking + "' }.notification_preferences.email"))
                .isFalse();
    }

    @Test
    void a_booking_that_says_nothing_has_no_zone_and_the_default_channels() {
        UUID booking = BookingApi.accepted(user, "/booking/create-free", freeBooking());

        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then().statusCode(200)
                .body("client_timezone", nullValue())
                .body("notification_preferences.email", equalTo(true))
                .body("notification_preferences.inapp", equalTo(true))
                .body("notification_preferences.sms", equalTo(false));
        Client client = theOnly(Topics.BOOKING_REQUESTED, booking, BookingRequested.class).client();
        assertThat(client.zone()).as("notification-service falls back to the coach's zone").isNull();
        assertThat(client.channels()).isEqualTo(NotificationPreferences.DEFAULT);
    }

    @Test
    void a_paid_or_package_booking_takes_the_zone_and_channels_too() {
        Map<String, Object> paid = new HashMap<>(freeBooking());
        paid.remove("promo_code");
        paid.put("currency", "CAD");
        paid.put("stripe_payment_intent_id", "pi_prefs" + UUID.randomUUID().toString().replace("-", ""));
        paid.put("client_timezone", "America/Vancouver");
        paid.put("notification_preferences", Map.of("sms", true));
        UUID single = BookingApi.accepted(user, "/booking/create-paid-single", paid);

        UUID packageId = UUID.randomUUID();
        Database.update("insert into session_packages (id, user_id, sessions_total, sessions_remaining, price_minor, currency, "
                + "payment_intent_id, status) values (?, ?, 3, 3, 50000, 'USD', ?, 'ACTIVE')", packageId, user,
                "pi_prefs" + packageId.toString().replace("-", ""));
        UUID session = BookingApi.accepted(user, "/booking/use-package-session", Map.of("package_id", packageId.toString(),
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199",
                "client_timezone", "Europe/London", "notification_preferences", Map.of("email", false, "inapp", true)));

        assertThat(stored(single)).isEqualTo("America/Vancouver true true true");
        assertThat(stored(session)).isEqualTo("Europe/London false true false");
        assertThat(theOnly(Topics.BOOKING_REQUESTED, single, BookingRequested.class).client().zone()).isEqualTo("America/Vancouver");
        assertThat(theOnly(Topics.BOOKING_REQUESTED, session, BookingRequested.class).client().channels())
                .isEqualTo(new NotificationPreferences(false, true, false));
    }

    @Test
    void changing_the_channels_stores_them_and_announces_them_once_and_choosing_them_again_announces_nothing() {
        Map<String, Object> body = freeBooking();
        body.put("client_timezone", "America/Toronto");
        UUID booking = BookingApi.accepted(user, "/booking/create-free", body);

        Response changed = choose(booking, Map.of("email", false, "sms", true));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(changed.jsonPath().getMap("$")).isEqualTo(Map.of("email", false, "inapp", true, "sms", true));
        Response again = choose(booking, Map.of("email", false, "inapp", true, "sms", true));
        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        assertThat(again.jsonPath().getMap("$")).isEqualTo(Map.of("email", false, "inapp", true, "sms", true));
        // a marker behind the repeat: once its event is on the topic, any event of the repeat would be before it
        Response marker = choose(booking, Map.of());
        assertThat(marker.statusCode()).as(marker.asString()).isEqualTo(200);

        List<EventEnvelope<EventPayload>> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> kafka.eventsFor(Topics.NOTIFICATION_PREFERENCES_CHANGED, booking), e -> e.size() >= 2);
        assertThat(events).extracting(e -> ((NotificationPreferencesChanged) e.payload()).client().channels())
                .as("the change, then the marker's; nothing for the repeat")
                .containsExactly(new NotificationPreferences(false, true, true), NotificationPreferences.DEFAULT);
        NotificationPreferencesChanged first = (NotificationPreferencesChanged) events.get(0).payload();
        assertThat(first.client().zone()).isEqualTo("America/Toronto");
        assertThat(first.client().userId()).isEqualTo(user);
        assertThat(first.client().phone()).isEqualTo("+14165550199");
        assertThat(stored(booking)).isEqualTo("America/Toronto true true false");
    }

    @Test
    void the_changed_channels_reach_the_bookings_later_events() {
        UUID booking = BookingApi.accepted(user, "/booking/create-free", freeBooking());
        confirm(booking);

        Response changed = choose(booking, Map.of("inapp", false, "sms", true));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        Response cancelled = given().auth().oauth2(TestTokens.client(user)).contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).put("/booking/" + booking + "/cancel");
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);

        assertThat(theOnly(Topics.BOOKING_CANCELLED, booking, BookingCancelled.class).client().channels())
                .isEqualTo(new NotificationPreferences(true, false, true));
    }

    @Test
    void the_coach_may_change_a_clients_channels() {
        UUID booking = BookingApi.accepted(user, "/booking/create-free", freeBooking());

        Response changed = put(TestTokens.coach("coach"), booking, Map.of("email", false));
        assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(200);
        assertThat(stored(booking)).isEqualTo("- false true false");
    }

    @Test
    void a_booking_that_is_over_keeps_its_channels_and_says_it_cannot_be_changed() {
        UUID booking = BookingApi.accepted(user, "/booking/create-free", freeBooking());
        Database.update("update appointments set status = 'CANCELLED' where id = ?", booking);

        Response refused = choose(booking, Map.of("sms", true));
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:booking-not-changeable");
        assertThat(stored(booking)).isEqualTo("- true true false");
    }

    @Test
    void an_unknown_booking_is_not_found() {
        Response response = choose(UUID.randomUUID(), Map.of("sms", true));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void a_channel_that_is_not_true_or_false_is_refused_naming_it_and_changes_nothing() {
        UUID booking = BookingApi.accepted(user, "/booking/create-free", freeBooking());

        for (Object value : List.of("true", 1, 0, "", List.of(true), Map.of())) {
            Response response = choose(booking, Map.of("sms", value));
            assertThat(response.statusCode()).as(value + ": " + response.asString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("type")).isEqualTo("urn:problem-type:validation");
            assertThat(response.jsonPath().getString("field")).as(response.asString()).isEqualTo("sms");
        }
        Response unknown = choose(booking, Map.of("push", true));
        assertThat(unknown.statusCode()).as(unknown.asString()).isEqualTo(400);
        assertThat(unknown.jsonPath().getString("detail")).isEqualTo("the body takes only email, inapp and sms");
        assertThat(stored(booking)).isEqualTo("- true true false");
        assertThat(Database.count("select count(*) from outbox where message_key = ? and event_type = ?", booking.toString(),
                "NotificationPreferencesChanged")).isZero();
    }

    @Test
    void a_zone_that_is_not_a_time_zone_is_refused_naming_client_timezone_and_nothing_is_booked() {
        for (String zone : List.of("Mars/Olympus_Mons", "+05:00", "UTC+5", "america/toronto", "x".repeat(5000))) {
            Map<String, Object> body = freeBooking();
            body.put("client_timezone", zone);
            assertRefusedAndNothingBooked(body, "client_timezone");
        }
    }

    @Test
    void a_choice_of_channels_that_is_not_true_or_false_or_names_another_channel_is_refused_and_nothing_is_booked() {
        Map<Object, String> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("sms", "true"), "notification_preferences.sms");
        cases.put(Map.of("email", 1), "notification_preferences.email");
        cases.put(Map.of("inapp", List.of()), "notification_preferences.inapp");
        cases.put(Map.of("push", true), "notification_preferences");
        cases.put("all", "notification_preferences");
        cases.put(true, "notification_preferences");
        cases.put(List.of("email"), "notification_preferences");
        cases.forEach((choice, field) -> {
            Map<String, Object> body = freeBooking();
            body.put("notification_preferences", choice);
            assertRefusedAndNothingBooked(body, field);
        });
    }

    void assertRefusedAndNothingBooked(Map<String, Object> body, String field) {
        long appointments = Database.count("select count(*) from appointments where user_id = ?", user);
        long uses = Database.count("select uses_remaining from promo_codes where code = ?", CODE);
        Response response = BookingApi.post(user, "/booking/create-free", body);
        assertThat(response.statusCode()).as(field + ": " + response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:problem-type:validation");
        assertThat(response.jsonPath().getString("field")).isEqualTo(field);
        assertThat(response.asString().length()).as("the input is not echoed").isLessThan(1000);
        assertThat(Database.count("select count(*) from appointments where user_id = ?", user)).isEqualTo(appointments);
        assertThat(Database.count("select uses_remaining from promo_codes where code = ?", CODE)).isEqualTo(uses);
    }
}
