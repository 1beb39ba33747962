package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.booking.appointments.domain.StepDeadlines;
import com.wimd.events.BookingFailed;
import com.wimd.events.BookingType;
import com.wimd.events.CalendarEventCreated;
import com.wimd.events.Client;
import com.wimd.events.EventEnvelope;
import com.wimd.events.Money;
import com.wimd.events.PackagePurchaseFailed;
import com.wimd.events.PaymentSucceeded;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.wimd.booking.BookingApi.accepted;
import static com.wimd.booking.BookingApi.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every saga step has a deadline counted from when the step began (StepDeadlines); the reaper fails what is late,
 * with the usual compensation. Time passes by moving the step's start back in the database.
 */
@QuarkusTest
class StepDeadlineTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    final String user = "late-" + UUID.randomUUID();
    final KafkaTestClient kafka = BookingApi.kafka();

    static void stepBegan(UUID booking, String ago) {
        Database.update("update appointments set step_started_at = now() - interval '" + ago + "' where id = ?", booking);
    }

    static String reasonOf(UUID booking) {
        return ((BookingFailed) await().atMost(PATIENCE).until(() -> kafka().eventsFor(Topics.BOOKING_FAILED, booking),
                events -> events.size() == 1).get(0).payload()).reason();
    }

    static KafkaTestClient kafka() {
        return BookingApi.kafka();
    }

    UUID freeBooking() {
        Database.update("update promo_codes set uses_remaining = greatest(uses_remaining, 5) where code = 'WIMD25'");
        ZonedDateTime slot = Slots.next();
        return accepted(user, "/booking/create-free", Map.of("scheduled_datetime", slot.toOffsetDateTime().toString(),
                "user_phone", "(416) 555-0199", "promo_code", "WIMD25"));
    }

    @Test
    void a_free_booking_whose_calendar_never_answers_fails_after_the_calendar_deadline_and_gives_its_promo_use_back() {
        UUID booking = freeBooking();
        int usesWhileHeld = Database.promoUsesRemaining();
        stepBegan(booking, "59 minutes");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> "PENDING".equals(status(user, booking)));

        stepBegan(booking, "61 minutes");

        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(user, booking)));
        assertThat(reasonOf(booking)).isEqualTo(StepDeadlines.CALENDAR_LATE);
        given().auth().oauth2(TestTokens.client(user)).get("/booking/" + booking).then()
                .body("saga.steps.calendar", equalTo("FAILED"));
        assertThat(Database.promoUsesRemaining()).isEqualTo(usesWhileHeld + 1);
    }

    @Test
    void a_paid_booking_is_timed_from_its_payment_so_a_slow_payment_and_a_slow_calendar_do_not_add_up() {
        ZonedDateTime slot = Slots.next();
        String intent = PaidBookingTest.intent();
        UUID booking = accepted(user, PaidBookingTest.PATH, PaidBookingTest.body(slot, intent));
        Database.update("update appointments set created_at = now() - interval '40 minutes' where id = ?", booking);
        kafka.publish(EventEnvelope.first(new PaymentSucceeded(booking, intent, new Money(15000, "CAD"),
                new Client(user, "Test", user + "@example.com", "+14165550199"), BookingType.PAID_SINGLE,
                slot.toInstant(), slot.toInstant().plusSeconds(1800)), Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from appointments where id = ? and payment_step = 'DONE'", booking) == 1);

        // 40 minutes since the request, but the calendar step began just now: nothing is late
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> "PENDING".equals(status(user, booking)));

        stepBegan(booking, "61 minutes");
        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(user, booking)));
        assertThat(reasonOf(booking)).isEqualTo(StepDeadlines.CALENDAR_LATE);
    }

    @Test
    void a_booking_in_the_calendar_whose_payment_report_never_comes_fails_so_the_payment_is_refunded_and_the_event_deleted() {
        ZonedDateTime slot = Slots.next();
        UUID booking = accepted(user, PaidBookingTest.PATH, PaidBookingTest.body(slot, PaidBookingTest.intent()));
        kafka.publish(EventEnvelope.first(new CalendarEventCreated(booking, "evt-" + booking, slot.toInstant(),
                slot.toInstant().plusSeconds(1800)), Instant.now()));
        await().atMost(PATIENCE).until(() -> Database.count(
                "select count(*) from appointments where id = ? and calendar_step = 'DONE'", booking) == 1);

        stepBegan(booking, "31 minutes");

        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(user, booking)));
        assertThat(reasonOf(booking)).isEqualTo(StepDeadlines.PAYMENT_REPORT_LATE);
    }

    @Test
    void a_package_whose_payment_is_never_verified_fails_and_asks_payment_service_to_give_back_what_was_paid() {
        String intent = "pi_slow" + UUID.randomUUID().toString().replace("-", "");
        UUID packageId = UUID.fromString(BookingApi.post(user, "/booking/create-paid-package",
                Map.of("currency", "USD", "stripe_payment_intent_id", intent)).jsonPath().getString("package_id"));
        assertThat(Database.text("select status from session_packages where id = ?", packageId)).isEqualTo("PENDING_PAYMENT");

        Database.update("update session_packages set created_at = now() - interval '31 minutes' where id = ?", packageId);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(
                Database.text("select status from session_packages where id = ?", packageId)));
        PackagePurchaseFailed failed = (PackagePurchaseFailed) await().atMost(PATIENCE)
                .until(() -> kafka.eventsFor(Topics.PACKAGE_PURCHASE_FAILED, packageId), events -> events.size() == 1)
                .get(0).payload();
        assertThat(failed.paymentIntentId()).isEqualTo(intent);
        given().auth().oauth2(TestTokens.client(user)).get("/booking/packages/" + packageId).then()
                .body("status", equalTo("FAILED"));
    }
}
