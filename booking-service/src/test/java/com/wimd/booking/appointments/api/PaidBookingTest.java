package com.wimd.booking.appointments.api;

import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingConfirmed;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingRequested;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.CalendarEventFailed;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PaymentFailed;
import com.wimd.events.PaymentRefunded;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.wimd.booking.BookingApi.accepted;
import static com.wimd.booking.BookingApi.post;
import static com.wimd.booking.BookingApi.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Paid single sessions: the slot is held while payment-service verifies the payment. */
@QuarkusTest
class PaidBookingTest {

    static final String PATH = "/booking/create-paid-single";
    final String user = "payer-" + UUID.randomUUID();
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = com.wimd.booking.BookingApi.kafka();
    }

    static Map<String, Object> body(ZonedDateTime slot, String intent) {
        Map<String, Object> body = new HashMap<>();
        body.put("scheduled_datetime", slot.toOffsetDateTime().toString());
        body.put("backup_datetime", Slots.next().toOffsetDateTime().toString());
        body.put("user_phone", "+1 416 555 0199");
        body.put("currency", "cad");
        body.put("stripe_payment_intent_id", intent);
        return body;
    }

    static String intent() {
        return "pi_test" + UUID.randomUUID().toString().replace("-", "");
    }

    PaymentSucceeded paid(UUID booking, String intent, ZonedDateTime slot) {
        return new PaymentSucceeded(booking, intent, new Money(15000, "CAD"),
                new Client(user, "Test", user + "@example.com", "+14165550199"), BookingType.PAID_SINGLE,
                slot.toInstant(), slot.toInstant().plusSeconds(1800));
    }

    @Test
    void a_paid_session_is_requested_with_its_payment_intent_then_paid_then_confirmed() {
        ZonedDateTime slot = Slots.next();
        String intent = intent();
        UUID booking = accepted(user, PATH, body(slot, intent));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_REQUESTED, booking))
                .singleElement().satisfies(e -> {
                    BookingRequested r = (BookingRequested) e.payload();
                    assertThat(r.bookingType()).isEqualTo(BookingType.PAID_SINGLE);
                    assertThat(r.paymentIntentId()).isEqualTo(intent);
                    assertThat(r.price().currency()).isEqualTo("CAD");
                }));

        kafka.publish(EventEnvelope.first(paid(booking, intent, slot), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then()
                        .body("saga.steps.payment", equalTo("DONE"))
                        .body("price.amount_minor", equalTo(15000))
                        .body("status", equalTo("PENDING")));

        kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "evt", slot.toInstant(),
                slot.toInstant().plusSeconds(1800)), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(user, booking)));
    }

    @Test
    void a_calendar_report_that_overtakes_the_payment_still_ends_confirmed_once() {
        ZonedDateTime slot = Slots.next();
        String intent = intent();
        UUID booking = accepted(user, PATH, body(slot, intent));

        // calendar-service acted on PaymentSucceeded before booking-service read it (another topic, another pace)
        kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "evt-early", slot.toInstant(),
                slot.toInstant().plusSeconds(1800)), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then()
                        .body("saga.steps.calendar", equalTo("DONE"))
                        .body("status", equalTo("PENDING")));

        EventEnvelope<PaymentSucceeded> payment = EventEnvelope.first(paid(booking, intent, slot), Instant.now());
        kafka.publish(payment);
        kafka.publish(payment);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(user, booking)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_CONFIRMED, booking))
                .singleElement().satisfies(e -> assertThat(((BookingConfirmed) e.payload()).calendarEventId())
                        .isEqualTo("evt-early")));
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then()
                .body("price.amount_minor", equalTo(15000));
    }

    @Test
    void a_failed_payment_fails_the_booking_and_frees_the_slot() {
        ZonedDateTime slot = Slots.next();
        String intent = intent();
        UUID booking = accepted(user, PATH, body(slot, intent));

        kafka.publish(EventEnvelope.first(new PaymentFailed(booking, intent, "card declined"), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(user, booking)));
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then()
                .body("saga.steps.payment", equalTo("FAILED"))
                .body("saga.steps.calendar", equalTo("NOT_REQUIRED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(kafka.eventsFor(Topics.BOOKING_FAILED, booking)).hasSize(1));
        accepted("other-" + UUID.randomUUID(), PATH, body(slot, intent()));
    }

    @Test
    void a_slot_whose_payment_never_arrives_is_released_and_a_late_payment_confirms_nothing() {
        ZonedDateTime slot = Slots.next();
        String intent = intent();
        UUID booking = accepted(user, PATH, body(slot, intent));
        // the hold began 16 minutes ago
        Database.update("update appointments set step_started_at = step_started_at - interval '16 minutes' where id = ?", booking);

        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(user, booking)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_FAILED, booking))
                .singleElement().satisfies(e -> assertThat(((BookingFailed) e.payload()).reason()).contains("did not arrive")));

        kafka.publish(EventEnvelope.first(paid(booking, intent, slot), Instant.now()));
        kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "late", slot.toInstant(),
                slot.toInstant().plusSeconds(1800)), Instant.now()));
        kafka.publish(EventEnvelope.first(new PaymentRefunded(booking, intent, "re_1", new Money(15000, "CAD"),
                "booking failed", null, slot.toInstant()), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(status(user, booking)));
        assertThat(kafka.eventsFor(Topics.BOOKING_CONFIRMED, booking)).isEmpty();
    }

    @Test
    void a_calendar_failure_after_payment_ends_refunded_once_the_money_is_back() {
        ZonedDateTime slot = Slots.next();
        String intent = intent();
        UUID booking = accepted(user, PATH, body(slot, intent));
        kafka.publish(EventEnvelope.first(paid(booking, intent, slot), Instant.now()));
        kafka.publish(EventEnvelope.first(new CalendarEventFailed(booking, "calendar down"), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(user, booking)));

        EventEnvelope<PaymentRefunded> refunded = EventEnvelope.first(new PaymentRefunded(booking, intent, "re_2",
                new Money(15000, "CAD"), "calendar failed", null, slot.toInstant()), Instant.now());
        kafka.publish(refunded);
        kafka.publish(refunded);
        await().atMost(Duration.ofSeconds(20)).until(() -> "REFUNDED".equals(status(user, booking)));
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then()
                .body("saga.steps.payment", equalTo("COMPENSATED"));
    }

    @Test
    void one_payment_intent_cannot_hold_two_live_bookings() {
        String intent = intent();
        accepted(user, PATH, body(Slots.next(), intent));
        Response second = post(user, PATH, body(Slots.next(), intent));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.jsonPath().getString("type")).isEqualTo("urn:problem-type:payment-intent-used");
        assertThat(second.jsonPath().getString("field")).isEqualTo("stripe_payment_intent_id");
    }

    @Test
    void a_currency_the_coach_does_not_take_is_refused_with_the_field_named() {
        Map<String, Object> body = body(Slots.next(), intent());
        body.put("currency", "EUR");
        Response response = post(user, PATH, body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("field")).isEqualTo("currency");
    }

    @Test
    void a_paid_session_less_than_24_hours_ahead_is_refused() {
        ZonedDateTime soon = ZonedDateTime.now(Slots.TORONTO).plusHours(2).truncatedTo(ChronoUnit.HOURS);
        while (soon.getDayOfWeek() == DayOfWeek.SATURDAY || soon.getDayOfWeek() == DayOfWeek.SUNDAY
                || soon.getHour() < 9 || soon.getHour() > 16) {
            soon = soon.plusHours(1);
        }
        assumeTrue(soon.isBefore(ZonedDateTime.now(Slots.TORONTO).plusHours(23)), "no coach hours in the next day");
        Response response = post(user, PATH, body(soon, intent()));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:problem-type:notice-too-short");
        assertThat(response.jsonPath().getString("field")).isEqualTo("scheduled_datetime");
    }
}
