package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingCancelled;
import com.wimd.events.BookingFailed;
import com.wimd.events.EventEnvelope;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Cancelling a booking: the change policy prices it, the slot and what paid for it come back as the policy says, and
 * BookingCancelled carries the decision to the other services, once, however often the client presses the button.
 */
@QuarkusTest
class CancelTest {

    final String user = "canceller-" + UUID.randomUUID();
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = BookingApi.kafka();
    }

    static Response cancel(String token, UUID booking, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).put("/booking/" + booking + "/cancel");
    }

    JsonPath cancelled(UUID booking) {
        Response response = cancel(TestTokens.client(user), booking, Map.of("reason", "something came up"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    BookingCancelled announced(UUID booking) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !kafka.eventsFor(Topics.BOOKING_CANCELLED, booking).isEmpty());
        List<EventEnvelope<com.wimd.events.EventPayload>> events = kafka.eventsFor(Topics.BOOKING_CANCELLED, booking);
        assertThat(events).hasSize(1);
        return (BookingCancelled) events.get(0).payload();
    }

    static void confirm(UUID booking, String extra) {
        Database.update("update appointments set status = 'CONFIRMED', saga_status = 'COMPLETED', calendar_step = 'DONE', "
                + "confirmation_step = 'DONE', calendar_event_id = 'evt-" + booking + "'" + extra + " where id = ?", booking);
    }

    private static final java.util.concurrent.atomic.AtomicInteger LATE = new java.util.concurrent.atomic.AtomicInteger();

    /** Moves the session to a few hours from now (a minute apart from every other test's, so no two collide). */
    static void startsInHours(UUID booking, int hours) {
        Database.update("update appointments set scheduled_at = date_trunc('hour', now()) + make_interval(hours => ?, mins => ?) "
                + "where id = ?", hours, LATE.incrementAndGet(), booking);
    }

    String freeBooking(String code) {
        Database.update("insert into promo_codes (code, max_uses, uses_remaining, active) values (?, 5, 5, true) "
                + "on conflict (code) do nothing", code);
        return code;
    }

    @Test
    void a_free_session_cancelled_a_day_ahead_frees_the_slot_and_gives_the_promo_use_back() {
        String code = freeBooking("CANCEL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        var slot = Slots.next();
        UUID booking = BookingApi.accepted(user, "/booking/create-free", Map.of(
                "scheduled_datetime", slot.toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199", "promo_code", code));
        confirm(booking, "");
        assertThat(Database.count("select uses_remaining from promo_codes where code = ?", code)).isEqualTo(4);

        JsonPath answer = cancelled(booking);
        assertThat(answer.getBoolean("cancelled")).isTrue();
        assertThat(answer.getString("status")).isEqualTo("CANCELLED");
        assertThat(answer.getBoolean("fee_applied")).isFalse();
        assertThat(answer.getLong("refund_amount")).isZero();
        assertThat(Database.count("select uses_remaining from promo_codes where code = ?", code)).isEqualTo(5);

        BookingCancelled event = announced(booking);
        assertThat(event.cancelledBy()).isEqualTo("CLIENT");
        assertThat(event.reason()).isEqualTo("something came up");
        assertThat(event.calendarEventId()).isEqualTo("evt-" + booking);
        assertThat(event.late()).isFalse();
        // the slot is free again: someone else books it
        BookingApi.accepted("next-" + UUID.randomUUID(), "/booking/create-free", Map.of(
                "scheduled_datetime", slot.toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199", "promo_code", code));
    }

    @Test
    void a_free_session_cancelled_late_keeps_the_promo_use_spent() {
        String code = freeBooking("LATE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        UUID booking = BookingApi.accepted(user, "/booking/create-free", Map.of(
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199",
                "promo_code", code));
        confirm(booking, "");
        startsInHours(booking, 5);

        JsonPath answer = cancelled(booking);
        assertThat(answer.getBoolean("late")).isTrue();
        assertThat(answer.getBoolean("fee_applied")).isFalse();
        assertThat(Database.count("select uses_remaining from promo_codes where code = ?", code)).isEqualTo(4);
    }

    @Test
    void a_paid_session_cancelled_late_refunds_half_and_repeating_the_cancel_ten_times_announces_it_once() throws Exception {
        UUID booking = ChangeQuoteTest.paidBooking(user);
        confirm(booking, ", payment_step = 'DONE', price_minor = 15000");
        startsInHours(booking, 6);

        List<Response> answers = BookingApi.concurrently(10, i -> cancel(TestTokens.client(user), booking, Map.of("reason", "sick")));
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isEqualTo(200));
        assertThat(answers.stream().map(r -> r.jsonPath().getString("cancelled_at")).distinct()).hasSize(1);
        JsonPath answer = answers.get(0).jsonPath();
        assertThat(answer.getLong("fee_amount")).isEqualTo(7500);
        assertThat(answer.getLong("refund_amount")).isEqualTo(7500);
        assertThat(answer.getString("currency")).isEqualTo("CAD");
        assertThat(answer.getBoolean("fee_charged")).isFalse();

        BookingCancelled event = announced(booking);
        assertThat(event.refund()).isEqualTo(new Money(7500, "CAD"));
        assertThat(event.fee()).isEqualTo(new Money(7500, "CAD"));
        assertThat(event.feeCharged()).isFalse();
        assertThat(event.paymentIntentId()).startsWith("pi_test");
        // later repeats still answer the same terms, and announce nothing more
        cancel(TestTokens.client(user), booking, null).then().statusCode(200).body("refund_amount", equalTo(7500));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> kafka.eventsFor(Topics.BOOKING_CANCELLED, booking).size() == 1);
    }

    @Test
    void the_coach_cancelling_a_late_paid_session_refunds_it_in_full() {
        UUID booking = ChangeQuoteTest.paidBooking(user);
        confirm(booking, ", payment_step = 'DONE', price_minor = 15000");
        startsInHours(booking, 3);

        cancel(TestTokens.coach("coach"), booking, Map.of("reason", "the coach is ill")).then().statusCode(200)
                .body("cancelled_by", equalTo("COACH")).body("fee_applied", equalTo(false)).body("refund_amount", equalTo(15000));
        assertThat(announced(booking).refund()).isEqualTo(new Money(15000, "CAD"));
    }

    UUID packageSession(int sessionsRemainingAfter) {
        UUID packageId = UUID.randomUUID();
        Database.update("insert into session_packages (id, user_id, sessions_total, sessions_remaining, price_minor, currency, "
                + "payment_intent_id, status) values (?, ?, 3, 3, 50000, 'USD', ?, 'ACTIVE')", packageId, user,
                "pi_pkg" + packageId.toString().replace("-", ""));
        UUID booking = BookingApi.accepted(user, "/booking/use-package-session", Map.of("package_id", packageId.toString(),
                "scheduled_datetime", Slots.next().toOffsetDateTime().toString(), "user_phone", "+1 416 555 0199"));
        assertThat(credits(packageId)).isEqualTo(sessionsRemainingAfter);
        confirm(booking, "");
        return booking;
    }

    static long credits(UUID packageId) {
        return Database.count("select sessions_remaining from session_packages where id = ?", packageId);
    }

    static UUID packageOf(UUID booking) {
        return UUID.fromString(Database.text("select package_id::text from appointments where id = ?", booking));
    }

    @Test
    void a_package_session_cancelled_a_day_ahead_gives_the_credit_back_at_once() {
        UUID booking = packageSession(2);
        JsonPath answer = cancelled(booking);
        assertThat(answer.getBoolean("fee_applied")).isFalse();
        assertThat(credits(packageOf(booking))).isEqualTo(3);
        assertThat(announced(booking).feeCharged()).isFalse();
    }

    @Test
    void a_late_package_cancellation_gives_the_credit_back_once_its_fee_is_charged() {
        UUID booking = packageSession(2);
        startsInHours(booking, 4);
        JsonPath answer = cancelled(booking);
        assertThat(answer.getLong("fee_amount")).isEqualTo(8333);
        assertThat(answer.getString("currency")).isEqualTo("USD");
        assertThat(answer.getString("fee_status")).isEqualTo("CHARGING");
        BookingCancelled event = announced(booking);
        assertThat(event.feeCharged()).isTrue();
        assertThat(event.fee()).isEqualTo(new Money(8333, "USD"));
        assertThat(credits(packageOf(booking))).as("not back before the fee is paid").isEqualTo(2);

        EventEnvelope<LateFeeCharged> charged = EventEnvelope.first(new LateFeeCharged(booking, event.client(), "cancel",
                event.fee(), "pi_fee", event.slotStart()), Instant.now());
        kafka.publish(charged);
        kafka.publish(charged); // redelivered: the credit comes back once
        await().atMost(Duration.ofSeconds(20)).until(() -> credits(packageOf(booking)) == 3);
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then().statusCode(200)
                .body("cancellation.fee_status", equalTo("CHARGED"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> credits(packageOf(booking)) == 3);
    }

    @Test
    void a_late_package_cancellation_whose_fee_is_declined_forfeits_the_credit() {
        UUID booking = packageSession(2);
        startsInHours(booking, 4);
        BookingCancelled event;
        cancelled(booking);
        event = announced(booking);
        kafka.publish(EventEnvelope.first(new FeeChargeFailed(booking, event.client(), "cancel", event.fee(),
                "Your card was declined.", event.slotStart()), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(TestTokens.client(user))
                .get("/booking/" + booking).then().body("cancellation.fee_status", equalTo("FAILED")));
        assertThat(credits(packageOf(booking))).isEqualTo(2);
    }

    @Test
    void a_pending_booking_cancelled_is_compensated_like_a_failure_and_ends_cancelled() {
        UUID booking = ChangeQuoteTest.paidBooking(user);
        JsonPath answer = cancelled(booking);
        assertThat(answer.getString("status")).isEqualTo("CANCELLED");
        assertThat(answer.getBoolean("fee_applied")).isFalse();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_FAILED, booking))
                .singleElement().satisfies(e -> assertThat(((BookingFailed) e.payload()).reason()).contains("cancelled by the client")));
        assertThat(kafka.eventsFor(Topics.BOOKING_CANCELLED, booking)).isEmpty();
    }

    @Test
    void a_session_that_has_started_or_a_failed_booking_cannot_be_cancelled() {
        UUID started = ChangeQuoteTest.paidBooking(user);
        confirm(started, ", price_minor = 15000");
        Database.update("update appointments set scheduled_at = now() - interval '5 minutes' where id = ?", started);
        cancel(TestTokens.client(user), started, null).then().statusCode(409)
                .body("type", equalTo("urn:problem-type:booking-not-changeable"));
        assertThat(Database.text("select status from appointments where id = ?", started)).isEqualTo("CONFIRMED");

        UUID failed = ChangeQuoteTest.paidBooking(user);
        Database.update("update appointments set status = 'FAILED' where id = ?", failed);
        cancel(TestTokens.client(user), failed, null).then().statusCode(409)
                .body("type", equalTo("urn:problem-type:booking-not-changeable"));
    }

    @Test
    void only_the_owner_or_the_coach_may_cancel_and_a_long_reason_is_refused_without_cancelling() {
        UUID booking = ChangeQuoteTest.paidBooking(user);
        confirm(booking, ", price_minor = 15000");
        given().contentType(ContentType.JSON).body("{}").put("/booking/" + booking + "/cancel").then().statusCode(401);
        cancel(TestTokens.client("someone-" + UUID.randomUUID()), booking, Map.of()).then().statusCode(404)
                .body("type", equalTo("urn:problem-type:not-found"));
        cancel(TestTokens.client(user), booking, Map.of("reason", "x".repeat(501))).then().statusCode(400)
                .body("field", equalTo("reason"));
        cancel(TestTokens.client(user), booking, Map.of("reason", "nul\u0000byte")).then().statusCode(400)
                .body("field", equalTo("reason"));
        assertThat(Database.text("select status from appointments where id = ?", booking)).isEqualTo("CONFIRMED");
    }
}
