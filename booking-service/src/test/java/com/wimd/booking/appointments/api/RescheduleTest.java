package com.wimd.booking.appointments.api;

import com.wimd.booking.BookingApi;
import com.wimd.booking.Database;
import com.wimd.booking.Slots;
import com.wimd.events.BookingRescheduled;
import com.wimd.events.EventEnvelope;
import com.wimd.events.FeeChargeFailed;
import com.wimd.events.LateFeeCharged;
import com.wimd.events.Money;
import com.wimd.events.RescheduleRequested;
import com.wimd.events.RescheduleWithdrawn;
import com.wimd.events.Topics;
import com.wimd.infra.test.KafkaTestClient;
import com.wimd.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Moving a booking: the new slot passes every booking rule and is held before the old one is let go; late, half the
 * price is charged first (payment-service's part is played over Kafka here), and a declined fee leaves it as it was.
 */
@QuarkusTest
class RescheduleTest {

    final String user = "mover-" + UUID.randomUUID();
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = BookingApi.kafka();
    }

    static Response reschedule(String token, UUID booking, ZonedDateTime to) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("new_datetime", to.toOffsetDateTime().toString())).put("/booking/" + booking + "/reschedule");
    }

    UUID confirmedPaid() {
        UUID booking = ChangeQuoteTest.paidBooking(user);
        CancelTest.confirm(booking, ", payment_step = 'DONE', price_minor = 15000");
        return booking;
    }

    static Instant startOf(UUID booking) {
        return Instant.parse(given().auth().oauth2(TestTokens.coach("coach")).get("/booking/" + booking)
                .then().statusCode(200).extract().jsonPath().getString("scheduled_datetime"));
    }

    @Test
    void a_move_a_day_or_more_ahead_is_free_keeps_the_booking_and_frees_the_old_slot() {
        UUID booking = confirmedPaid();
        Instant old = startOf(booking);
        ZonedDateTime to = Slots.next();

        Response moved = reschedule(TestTokens.client(user), booking, to);
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(moved.jsonPath().getBoolean("rescheduled")).isTrue();
        assertThat(moved.jsonPath().getBoolean("fee_applied")).isFalse();
        assertThat(moved.jsonPath().getInt("reschedule_count")).isEqualTo(1);
        assertThat(startOf(booking)).isEqualTo(to.toInstant());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking))
                .singleElement().satisfies(e -> {
                    BookingRescheduled event = (BookingRescheduled) e.payload();
                    assertThat(event.previousStart()).isEqualTo(old);
                    assertThat(event.slotStart()).isEqualTo(to.toInstant());
                    assertThat(event.calendarEventId()).isEqualTo("evt-" + booking);
                    assertThat(event.fee()).isEqualTo(Money.zero("CAD"));
                }));
        assertThat(kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking)).isEmpty();
        // the old slot is free, the new one is not
        BookingApi.accepted("other-" + UUID.randomUUID(), "/booking/create-paid-single",
                PaidBookingTest.body(old.atZone(Slots.TORONTO), PaidBookingTest.intent()));
        assertThat(BookingApi.post("other-" + UUID.randomUUID(), "/booking/create-paid-single",
                PaidBookingTest.body(to, PaidBookingTest.intent())).statusCode()).isEqualTo(409);
    }

    @Test
    void a_late_move_waits_for_its_fee_holding_both_slots_then_moves() throws Exception {
        UUID booking = confirmedPaid();
        CancelTest.startsInHours(booking, 5);
        Instant old = startOf(booking);
        ZonedDateTime to = Slots.next();

        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> reschedule(TestTokens.client(user), booking, to));
        await().atMost(Duration.ofSeconds(10)).until(() -> !kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking).isEmpty());
        RescheduleRequested requested = (RescheduleRequested) kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking).get(0).payload();
        assertThat(requested.step()).isEqualTo("reschedule-1");
        assertThat(requested.fee()).isEqualTo(new Money(7500, "CAD"));
        assertThat(requested.toStart()).isEqualTo(to.toInstant());
        // meanwhile the new slot is held: nobody else gets it
        assertThat(BookingApi.post("other-" + UUID.randomUUID(), "/booking/create-paid-single",
                PaidBookingTest.body(to, PaidBookingTest.intent())).statusCode()).isEqualTo(409);
        // and the booking cannot be cancelled half-way
        CancelTest.cancel(TestTokens.client(user), booking, null).then().statusCode(409)
                .body("type", equalTo("urn:problem-type:change-in-progress"));

        kafka.publish(EventEnvelope.first(new LateFeeCharged(booking, requested.client(), "reschedule-1", requested.fee(),
                "pi_fee", old), Instant.now()));
        Response moved = answer.get();
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(moved.jsonPath().getLong("fee_amount")).isEqualTo(7500);
        assertThat(startOf(booking)).isEqualTo(to.toInstant());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking))
                .singleElement().satisfies(e -> assertThat(((BookingRescheduled) e.payload()).fee()).isEqualTo(new Money(7500, "CAD"))));
    }

    @Test
    void a_late_move_whose_fee_is_declined_is_refused_with_402_and_the_booking_stays() throws Exception {
        UUID booking = confirmedPaid();
        CancelTest.startsInHours(booking, 5);
        Instant old = startOf(booking);
        ZonedDateTime to = Slots.next();

        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> reschedule(TestTokens.client(user), booking, to));
        await().atMost(Duration.ofSeconds(10)).until(() -> !kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking).isEmpty());
        RescheduleRequested requested = (RescheduleRequested) kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking).get(0).payload();
        kafka.publish(EventEnvelope.first(new FeeChargeFailed(booking, requested.client(), "reschedule-1", requested.fee(),
                "Your card was declined.", old), Instant.now()));

        Response refused = answer.get();
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(402);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:payment-failed");
        assertThat(startOf(booking)).isEqualTo(old);
        assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking)).isEmpty();
        // the slot it wanted is free again
        BookingApi.accepted("other-" + UUID.randomUUID(), "/booking/create-paid-single", PaidBookingTest.body(to, PaidBookingTest.intent()));
    }

    /** Starts a late move and waits for its fee request: the step it asks for, and the request's answer to come. */
    record LateMove(RescheduleRequested requested, CompletableFuture<Response> answer) {
    }

    LateMove lateMove(UUID booking, ZonedDateTime to, int tries) {
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> reschedule(TestTokens.client(user), booking, to));
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking).size() == tries);
        return new LateMove((RescheduleRequested) kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking).get(tries - 1).payload(), answer);
    }

    void decline(UUID booking, RescheduleRequested requested, Instant at) {
        kafka.publish(EventEnvelope.first(new FeeChargeFailed(booking, requested.client(), requested.step(), requested.fee(),
                "Your card was declined.", at), Instant.now()));
    }

    @Test
    void a_late_move_tried_again_after_its_fee_was_declined_asks_for_a_fee_of_its_own_and_moves_once_it_is_paid() throws Exception {
        UUID booking = confirmedPaid();
        CancelTest.startsInHours(booking, 5);
        Instant old = startOf(booking);
        ZonedDateTime to = Slots.next();

        LateMove first = lateMove(booking, to, 1);
        decline(booking, first.requested(), old);
        assertThat(first.answer().get().statusCode()).isEqualTo(402);

        LateMove second = lateMove(booking, to, 2);
        assertThat(second.requested().step()).isEqualTo("reschedule-1-2").isNotEqualTo(first.requested().step());
        // a late answer to the first try (a redelivery) moves nothing
        kafka.publish(EventEnvelope.first(new LateFeeCharged(booking, first.requested().client(), first.requested().step(),
                first.requested().fee(), "pi_stale", old), Instant.now()));
        kafka.publish(EventEnvelope.first(new LateFeeCharged(booking, second.requested().client(), second.requested().step(),
                second.requested().fee(), "pi_fee", old), Instant.now()));

        Response moved = second.answer().get();
        assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
        assertThat(startOf(booking)).isEqualTo(to.toInstant());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking))
                .singleElement().satisfies(e -> assertThat(((BookingRescheduled) e.payload()).fee()).isEqualTo(new Money(7500, "CAD"))));
        assertThat(Database.count("select reschedule_count from appointments where id = ?", booking)).isEqualTo(1);
    }

    @Test
    void a_late_move_declined_twice_leaves_the_booking_where_it_was_and_it_can_still_be_cancelled() throws Exception {
        UUID booking = confirmedPaid();
        CancelTest.startsInHours(booking, 5);
        Instant old = startOf(booking);
        ZonedDateTime to = Slots.next();

        for (int tries = 1; tries <= 2; tries++) {
            LateMove move = lateMove(booking, to, tries);
            decline(booking, move.requested(), old);
            Response refused = move.answer().get();
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(402);
        }
        assertThat(kafka.eventsFor(Topics.RESCHEDULE_REQUESTED, booking)).extracting(e -> ((RescheduleRequested) e.payload()).step())
                .containsExactly("reschedule-1", "reschedule-1-2");
        assertThat(startOf(booking)).isEqualTo(old);
        assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking)).isEmpty();

        Response cancelled = CancelTest.cancel(TestTokens.client(user), booking, null);
        assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
    }

    @Test
    void a_late_move_to_a_day_the_coach_blocks_while_its_fee_is_charged_is_withdrawn_and_its_fee_given_back() throws Exception {
        UUID booking = confirmedPaid();
        CancelTest.startsInHours(booking, 5);
        Instant old = startOf(booking);
        LocalDate day = Slots.workingDay(47); // a day no other test books or blocks
        ZonedDateTime to = ZonedDateTime.of(day, LocalTime.of(11, 0), Slots.TORONTO);
        try {
            LateMove move = lateMove(booking, to, 1);
            Response blocked = given().auth().oauth2(TestTokens.coach("coach")).contentType(ContentType.JSON)
                    .body(Map.of("date", day.toString(), "reason", "a conference")).post("/booking/admin/block-date");
            assertThat(blocked.statusCode()).as(blocked.asString()).isEqualTo(200);
            assertThat(startOf(booking)).as("the booking itself is not on the blocked day").isEqualTo(old);

            kafka.publish(EventEnvelope.first(new LateFeeCharged(booking, move.requested().client(), move.requested().step(),
                    move.requested().fee(), "pi_fee_withdrawn", old), Instant.now()));

            Response refused = move.answer().get();
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:problem-type:slot-unavailable");
            assertThat(refused.jsonPath().getString("detail")).contains(day.toString()).contains("refunded");
            assertThat(startOf(booking)).isEqualTo(old);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.eventsFor(Topics.RESCHEDULE_WITHDRAWN, booking))
                    .singleElement().satisfies(e -> {
                        RescheduleWithdrawn withdrawn = (RescheduleWithdrawn) e.payload();
                        assertThat(withdrawn.step()).isEqualTo(move.requested().step());
                        assertThat(withdrawn.fee()).isEqualTo(new Money(7500, "CAD"));
                        assertThat(withdrawn.feePaymentIntentId()).isEqualTo("pi_fee_withdrawn");
                        assertThat(withdrawn.toStart()).isEqualTo(to.toInstant());
                        assertThat(withdrawn.slotStart()).as("where the session stays").isEqualTo(old);
                    }));
            assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking)).isEmpty();
            assertThat(Database.count("select reschedule_count from appointments where id = ?", booking)).isZero();

            // a redelivered answer moves nothing and withdraws nothing more
            kafka.publish(EventEnvelope.first(new LateFeeCharged(booking, move.requested().client(), move.requested().step(),
                    move.requested().fee(), "pi_fee_withdrawn", old), Instant.now()));
            // and the booking is free to change again
            Response cancelled = CancelTest.cancel(TestTokens.client(user), booking, null);
            assertThat(cancelled.statusCode()).as(cancelled.asString()).isEqualTo(200);
            assertThat(kafka.eventsFor(Topics.RESCHEDULE_WITHDRAWN, booking)).hasSize(1);
            assertThat(kafka.eventsFor(Topics.BOOKING_RESCHEDULED, booking)).isEmpty();
        } finally {
            Database.update("delete from blocked_dates where blocked_date = ?::date", day.toString());
        }
    }

    @Test
    void two_bookings_moving_into_one_slot_at_once_give_exactly_one_winner() throws Exception {
        UUID first = confirmedPaid();
        UUID second = confirmedPaid();
        ZonedDateTime to = Slots.next();
        List<Response> answers = BookingApi.concurrently(2, i -> reschedule(TestTokens.client(user), i == 0 ? first : second, to));
        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
        assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().jsonPath().getString("type"))
                .isEqualTo("urn:problem-type:slot-unavailable");
    }

    @Test
    void a_client_may_move_a_booking_twice_and_the_coach_as_often_as_needed() {
        UUID booking = confirmedPaid();
        reschedule(TestTokens.client(user), booking, Slots.next()).then().statusCode(200).body("reschedule_count", equalTo(1));
        reschedule(TestTokens.client(user), booking, Slots.next()).then().statusCode(200).body("reschedule_count", equalTo(2));
        reschedule(TestTokens.client(user), booking, Slots.next()).then().statusCode(409)
                .body("type", equalTo("urn:problem-type:reschedule-limit-reached"));
        reschedule(TestTokens.coach("coach"), booking, Slots.next()).then().statusCode(200).body("reschedule_count", equalTo(2));
    }

    @Test
    void the_new_slot_passes_every_booking_rule_and_only_a_confirmed_booking_moves() {
        UUID booking = confirmedPaid();
        reschedule(TestTokens.client(user), booking, Slots.saturday()).then().statusCode(400)
                .body("type", equalTo("urn:problem-type:invalid-slot")).body("field", equalTo("new_datetime"));
        ZonedDateTime tomorrowMorning = ZonedDateTime.now(Slots.TORONTO).plusHours(3);
        reschedule(TestTokens.client(user), booking, tomorrowMorning).then().statusCode(400);
        given().auth().oauth2(TestTokens.client(user)).contentType(ContentType.JSON).body(Map.of())
                .put("/booking/" + booking + "/reschedule").then().statusCode(400).body("field", equalTo("new_datetime"));
        reschedule(TestTokens.client("someone-" + UUID.randomUUID()), booking, Slots.next()).then().statusCode(404);

        UUID pending = ChangeQuoteTest.paidBooking(user);
        reschedule(TestTokens.client(user), pending, Slots.next()).then().statusCode(409)
                .body("type", equalTo("urn:problem-type:booking-not-changeable"));
    }
}
